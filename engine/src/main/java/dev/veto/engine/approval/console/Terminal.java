package dev.veto.engine.approval.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's terminal: where a person sits, which is not necessarily where standard output goes (an
 * agent's stdout is often a log file). {@code /dev/tty} is the controlling terminal even when stdin and
 * stdout are redirected; where it does not exist (Windows) the JDK's console is used.
 */
public interface Terminal extends AutoCloseable {

    /** The next line typed, or null when the terminal is gone. */
    String readLine() throws IOException;

    /** Writes and flushes. */
    void print(String text);

    @Override
    void close();

    /** How a terminal is found (tests stand in for a process without one). */
    @FunctionalInterface
    interface Opener {
        Terminal open() throws IOException;
    }

    /** Opens the controlling terminal; fails with the reason when the process has none. */
    static Terminal open() throws IOException {
        Path tty = Path.of("/dev/tty");
        if (Files.exists(tty)) {
            // Fails with "No such device or address" when the process has no controlling terminal.
            FileInputStream in = new FileInputStream(tty.toFile());
            FileOutputStream out;
            try {
                out = new FileOutputStream(tty.toFile());
            } catch (IOException e) {
                in.close();
                throw e;
            }
            Charset charset = Charset.defaultCharset();
            return of(new InputStreamReader(in, charset), new OutputStreamWriter(out, charset));
        }
        Console console = System.console();
        if (console == null) {
            throw new IOException("the process has no console");
        }
        return of(console.reader(), console.writer());
    }

    /** A terminal over a reader and a writer (tests use pipes). */
    static Terminal of(Reader reader, Writer writer) {
        BufferedReader lines = new BufferedReader(reader);
        PrintWriter out = writer instanceof PrintWriter p ? p : new PrintWriter(writer);
        return new Terminal() {
            @Override
            public String readLine() throws IOException {
                return lines.readLine();
            }

            @Override
            public void print(String text) {
                out.print(text);
                out.flush();
            }

            @Override
            public void close() {
                try {
                    lines.close();
                } catch (IOException e) {
                    // closing a terminal we are leaving anyway
                }
                out.close();
            }
        };
    }
}
