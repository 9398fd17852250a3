package dev.veto.engine.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The decision log as a JSON Lines file with a hash chain (see {@link ChainHash}), written by one
 * background thread.
 *
 * <p>The calling thread only puts the record on a queue: no JSON, no hashing, no I/O, and no waking of the
 * writer. The writer is not woken per record: it drains the queue, and when it finds the queue empty it
 * sleeps a while ({@value #MIN_IDLE_MICROS} µs, doubling up to {@value #MAX_IDLE_MILLIS} ms while there is
 * nothing to write). Waking a sleeping thread is a system call that the caller would pay on almost every
 * call at an ordinary rate of calls (tens of microseconds at the tail on a busy machine); a record waits at
 * most {@value #MAX_IDLE_MILLIS} ms for the writer instead. {@link #flush()}, {@link #close()} and an append
 * that finds the queue full wake the writer at once.
 *
 * <p>The queue is bounded
 * ({@value #DEFAULT_CAPACITY} records by default) and blocks the caller when full. That is a deliberate
 * choice: a decision log that drops lines cannot be trusted, and an unbounded queue behind a stalled disk
 * grows until the host application runs out of memory. A full queue means the disk has fallen far behind,
 * and slowing the tool calls down until it catches up is the honest answer.
 *
 * <p>Argument and context values are turned into JSON on the log's thread, after {@code append} has
 * returned: a mutable value that the application changes right after the call may be logged as changed.
 * The engine hands in the redacted copies the {@link Redactor} makes.
 *
 * <p>A JVM shutdown hook closes the log, so every record appended before the JVM exits is written.
 *
 * <p>When the file cannot be written (a full disk, an I/O error), the lines that did not reach it go to the
 * problems stream (stderr) rather than stay in a buffer that may never be written, and {@link #unavailable()}
 * says why until a write reaches the file again: meanwhile the engine denies every governed call, as it does
 * when the log cannot be opened, since no call may run unrecorded.
 */
public final class JsonlDecisionLog implements DecisionLog {

    public static final int DEFAULT_CAPACITY = 65_536;

    private static final int BATCH = 1024;
    private static final long MIN_IDLE_MICROS = 100;
    private static final long MAX_IDLE_MILLIS = 10;

    /** Asks the writer to write and force everything before it, then count down. */
    private record FlushRequest(CountDownLatch done) {
    }

    /** The last item the writer takes: it flushes, closes the file and ends. */
    private record CloseRequest() {
    }

    private final Path file;
    private final WriterQueue queue;
    private final FileChannel channel;
    private final PendingBytes out;
    private final Thread writer;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder appendsInProgress = new LongAdder();
    private final PrintStream problems;

    // Touched by the writer thread only, and made there: their first use sets up Jackson's JSON classes and the
    // SHA-256 provider, which must not delay the thread that opens the log (see continueChain).
    private DecisionLine lines;
    private LineFields fields;
    private ChainHash chain;
    private TextBuffer lineText;
    private String prevHash;
    private boolean writeFailed;
    /** Why the last write or flush failed, until one reaches the file again; null while writing works. */
    private volatile String failure;

    private JsonlDecisionLog(Path file, int capacity, PrintStream problems) throws IOException {
        this.file = file;
        this.problems = problems;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = new PendingBytes(Channels.newOutputStream(channel), 64 * 1024);
        try {
            lockForThisLogAlone();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.writer = new Thread(this::writeUntilClosed, "veto-decision-log");
        this.queue = new WriterQueue(capacity, writer);
        this.writer.setDaemon(true); // the shutdown hook, not this thread, keeps the JVM until the log is written
        this.writer.start();
        this.shutdownHook = new Thread(this::close, "veto-decision-log-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens (or creates) the log file for appending. An existing log's chain is continued from its last line;
     * when that line is damaged, the problem is reported on stderr and a new chain segment is started with a
     * {@code chain_restart} line that says why.
     */
    public static JsonlDecisionLog open(Path file) throws IOException {
        return open(file, DEFAULT_CAPACITY, System.err);
    }

    /** As {@link #open(Path)}, with the queue's capacity and where problems are reported. */
    public static JsonlDecisionLog open(Path file, int capacity, PrintStream problems) throws IOException {
        if (capacity <= 0) {
            throw new IllegalArgumentException("queue capacity must be more than 0, was " + capacity);
        }
        return new JsonlDecisionLog(file, capacity, problems);
    }

    public Path file() {
        return file;
    }

    /**
     * Leaves closing the log at JVM exit to its owner's own shutdown hook, which must close it: hooks run at
     * once and in no order, so with its own hook the log could close while the owner still writes its last
     * records (the endings of calls still held, say), and they would miss the file.
     */
    public void closeOnlyFromOwnersShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook has been started
        }
    }

    /** Why records cannot be written to the file now (it is closed, or its last write failed), or null. */
    @Override
    public String unavailable() {
        return closed.get() ? "the decision log " + file + " is closed" : failure;
    }

    /** The writer's buffer, whose bytes can be taken back when they cannot be written. */
    private static final class PendingBytes extends BufferedOutputStream {
        PendingBytes(OutputStream out, int size) {
            super(out, size);
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** The bytes not yet written, as text, and forgets them. */
        String take() {
            String text = new String(buf, 0, count, StandardCharsets.UTF_8);
            count = 0;
            return text;
        }
    }

    /** A write failed: says so once, and moves the lines stuck in the buffer to the problems stream. */
    private void writeFailed(IOException e) {
        failure = "writing " + file + " failed: " + e.getMessage();
        if (!writeFailed) {
            problems.println("veto: ERROR: decision log " + file + ": writing failed (" + e + "); lines go to stderr until it works again");
            writeFailed = true;
        }
        if (!out.isEmpty()) {
            problems.print(out.take());
        }
    }

    /** Queues the record for the log's thread; blocks only while the queue is full. Never throws. */
    @Override
    public void append(DecisionRecord record) {
        if (record != null && !enqueue(record)) {
            problems.println("veto: ERROR: decision log " + file + " is closed; record not written to it: " + record);
        }
    }

    /** Blocks until every record appended before this call is written and forced to the disk. */
    @Override
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        if (enqueue(new FlushRequest(done))) {
            awaitWriter(done);
        } else {
            awaitWriterEnd(); // closing writes and forces everything
        }
    }

    /** Puts an item before the close request, or returns false when the log is closed. */
    private boolean enqueue(Object item) {
        appendsInProgress.increment();
        try {
            if (closed.get()) {
                return false;
            }
            putUninterruptibly(item);
            return true;
        } finally {
            appendsInProgress.decrement();
        }
    }

    /** Writes every record appended so far, forces the file to disk and closes it. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // An append or flush that started before `closed` was set may still be putting its item; the close
            // request must come after it in the queue.
            while (appendsInProgress.sum() != 0) {
                LockSupport.parkNanos(50_000); // an append may be waiting for room in a full queue: do not spin
            }
            putUninterruptibly(new CloseRequest());
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already: the hook runs close(), which returns at once
                }
            }
        }
        awaitWriterEnd();
    }

    private void writeUntilClosed() {
        List<Object> batch = new ArrayList<>(BATCH);
        boolean open = true;
        long idleNanos = TimeUnit.MICROSECONDS.toNanos(MIN_IDLE_MICROS);
        while (open) {
            queue.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                LockSupport.parkNanos(this, idleNanos);
                // only close() ends the writer, so that nothing queued is left behind; a pending interrupt
                // would make every later park return at once
                Thread.interrupted();
                idleNanos = Math.min(idleNanos * 2, TimeUnit.MILLISECONDS.toNanos(MAX_IDLE_MILLIS));
                continue;
            }
            idleNanos = TimeUnit.MICROSECONDS.toNanos(MIN_IDLE_MICROS);
            if (chain == null) {
                prepare();
            }
            for (Object item : batch) {
                try {
                    if (item instanceof DecisionRecord record) {
                        write(lines.fill(record, fields.clear()));
                    } else if (item instanceof FlushRequest request) {
                        flushToDisk();
                        request.done().countDown();
                    } else if (item instanceof CloseRequest) {
                        open = false;
                    }
                } catch (RuntimeException | Error e) {
                    // The writer must outlive any one bad record, or every later append would wait forever.
                    problems.println("veto: ERROR: decision log " + file + ": a record could not be written (" + e + "): " + item);
                }
            }
            batch.clear();
            flushToOs();
        }
        flushToDisk();
        try {
            out.close();
        } catch (IOException e) {
            problems.println("veto: ERROR: decision log " + file + ": closing failed: " + e);
        }
    }

    /**
     * Two writers on one file would interleave two chains and break both, so the file is locked for as long
     * as this log is open (released when the channel closes), against other logs of this JVM and of others.
     */
    private void lockForThisLogAlone() throws IOException {
        String taken = "decision log " + file + " is already open for writing (in this JVM or another process);"
                + " two writers would interleave their hash chains. Give each process its own log file.";
        try {
            if (channel.tryLock() == null) {
                throw new IOException(taken);
            }
        } catch (OverlappingFileLockException e) {
            throw new IOException(taken, e);
        }
    }

    /**
     * Makes the writer's objects and continues the chain, when the first item arrives rather than when the
     * log opens: an application starting up spends its CPU on its own start and the engine's until its
     * first governed call, and this set-up (Jackson's JSON classes, SHA-256) would compete with them on a small
     * machine. Records that arrive meanwhile wait in the queue; nothing is lost.
     */
    private void prepare() {
        lines = new DecisionLine();
        fields = new LineFields();
        chain = new ChainHash();
        lineText = new TextBuffer();
        continueChain();
    }

    /**
     * Reads the end of the existing log to continue its chain, or starts a new segment when it cannot be
     * continued. On the log's thread, before its first line: verifying the last line is the first use of the
     * JSON reader, over a hundred classes to load, and that must not delay the engine's first decision (records
     * appended meanwhile wait in the queue). The file is already open and locked, so what can fail here is
     * reading it, and then a new segment says why.
     */
    private void continueChain() {
        ChainTail tail;
        try {
            tail = ChainTail.read(file);
        } catch (IOException | RuntimeException e) {
            tail = ChainTail.unreadable(e);
        }
        prevHash = tail.lastHash();
        if (tail.damage() != null) {
            try {
                startNewSegment(tail);
            } catch (IOException | RuntimeException e) {
                problems.println("veto: ERROR: decision log " + file + ": the chain_restart line could not be written: " + e);
            }
        }
    }

    private void startNewSegment(ChainTail tail) throws IOException {
        problems.println("veto: ERROR: decision log " + file + ": " + tail.damage()
                + "; its chain cannot be continued, so a new chain segment starts with a chain_restart line."
                + " `audit verify` reports where the old chain breaks.");
        if (tail.endsMidLine()) {
            out.write('\n'); // end the cut-off line so that it stays one (bad) line and ours start clean
        }
        prevHash = ChainHash.GENESIS;
        write(DecisionLine.chainRestart(Instant.now(), "the log's previous chain could not be continued: " + tail.damage(),
                fields.clear()));
        out.flush();
    }

    /** Adds the chain fields and writes the line; on the log's thread. */
    private void write(LineFields line) {
        try {
            line.text(ChainHash.PREV, prevHash);
            String hash = chain.of(prevHash, line);
            line.text(ChainHash.HASH, hash);
            line.writeInOrder(lineText.clear());
            prevHash = hash;
        } catch (RuntimeException e) {
            problems.println("veto: ERROR: decision log " + file + ": a line could not be encoded (" + e + "): " + line);
            return;
        }
        try {
            lineText.writeUtf8(out);
            out.write('\n');
        } catch (IOException e) {
            // Keep the line somewhere a person can find it rather than losing it.
            writeFailed(e);
            problems.println(lineText);
        }
    }

    private void flushToOs() {
        boolean writing = !out.isEmpty();
        try {
            out.flush();
            if (writing) {
                writeFailed = false;
                failure = null;
            }
        } catch (IOException e) {
            writeFailed(e);
        }
    }

    private void flushToDisk() {
        flushToOs();
        try {
            channel.force(false);
        } catch (IOException e) {
            problems.println("veto: ERROR: decision log " + file + ": forcing to disk failed: " + e);
        }
    }

    private void awaitWriterEnd() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void putUninterruptibly(Object item) {
        queue.put(item);
        if (!(item instanceof DecisionRecord)) {
            queue.wakeWriter(); // a flush or close is waited for: no idle sleep before it is taken
        }
    }

    /** Waits for the writer to count down; gives up only if the writer thread has died. */
    private void awaitWriter(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                if (done.await(1, TimeUnit.SECONDS) || !writer.isAlive()) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
