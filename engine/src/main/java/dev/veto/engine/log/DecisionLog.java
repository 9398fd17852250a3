package dev.veto.engine.log;

/**
 * Where decisions go. {@link #append} never blocks the calling thread on I/O and never throws: the
 * writing happens on the log's own thread. Nothing appended is lost: {@link #close} (and the JVM's
 * shutdown) drains and flushes every line.
 */
public interface DecisionLog extends AutoCloseable {

    void append(DecisionRecord record);

    /**
     * Whether appended records are kept at all. The engine skips building a record (a timestamp and two
     * redacted copies of the call's maps) for a log that would throw it away: that work is on every call.
     */
    default boolean keepsRecords() {
        return true;
    }

    /**
     * Why appended records cannot be written now (the file's last write failed), or null when they can. While
     * it is not null the engine denies every governed call: no call runs unrecorded.
     */
    default String unavailable() {
        return null;
    }

    /** Blocks until every record appended so far is written and flushed. */
    void flush();

    @Override
    void close();

    /** A log that keeps nothing: for tests and benchmarks that measure the engine alone. */
    static DecisionLog discard() {
        return new DecisionLog() {
            @Override
            public void append(DecisionRecord record) {
            }

            @Override
            public boolean keepsRecords() {
                return false;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
