package dev.veto.engine.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A reusable target for the log writer's JSON generators. {@code StringWriter} appends to a
 * {@code StringBuffer} (a lock on every append) and a new one grows by copying for every line; the log's
 * one writer thread writes two texts a line (the canonical form for the hash, then the line), so it keeps one
 * of these and clears it each time. Not thread-safe.
 */
final class TextBuffer extends Writer {

    private final StringBuilder text = new StringBuilder(1024);
    private byte[] ascii = new byte[1024];

    /** Empties the buffer for the next text. */
    TextBuffer clear() {
        text.setLength(0);
        return this;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Feeds the text's UTF-8 bytes to {@code digest}. */
    void digestUtf8(MessageDigest digest) {
        int length = asciiBytes();
        if (length >= 0) {
            digest.update(ascii, 0, length);
        } else {
            digest.update(toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes the text's UTF-8 bytes to {@code out}. */
    void writeUtf8(OutputStream out) throws IOException {
        int length = asciiBytes();
        if (length >= 0) {
            out.write(ascii, 0, length);
        } else {
            out.write(toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The text as bytes in {@link #ascii} when it is all ASCII (its UTF-8 then, byte for byte, and the usual
     * case: JSON escapes control characters and most values are ASCII), with the count; -1 otherwise, for the
     * caller to encode it the ordinary way.
     */
    private int asciiBytes() {
        int length = text.length();
        if (ascii.length < length) {
            ascii = new byte[Math.max(length, ascii.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            ascii[i] = (byte) c;
        }
        return length;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
