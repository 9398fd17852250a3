package dev.veto.engine.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an existing log's chain ends, read from its last line when the log is opened for appending, so
 * that new lines continue the chain. Only the last line is read (backwards from the end), and it is checked
 * against its own hash; the whole file is checked by {@link DecisionLogVerifier}.
 *
 * @param lastHash    the hash to continue from: the last line's, or {@link ChainHash#GENESIS}
 * @param endsMidLine the file does not end with a line end (a write was cut off)
 * @param damage      why the chain cannot be continued, or null when it can
 */
record ChainTail(String lastHash, boolean endsMidLine, String damage) {

    private static final int CHUNK = 64 * 1024;
    private static final long LONGEST_LINE_READ = 64L * 1024 * 1024;

    static ChainTail read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return new ChainTail(ChainHash.GENESIS, false, null);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (byteAt(channel, size - 1) != '\n') {
                return new ChainTail(ChainHash.GENESIS, true,
                        "its last line is cut off (no line end): a write was interrupted");
            }
            byte[] lastLine = lastLine(channel, size - 1);
            if (lastLine == null) {
                return new ChainTail(ChainHash.GENESIS, false,
                        "its last line is longer than " + LONGEST_LINE_READ + " bytes");
            }
            return fromLine(new String(lastLine, StandardCharsets.UTF_8));
        }
    }

    /** The end of a log that could not be read: its chain cannot be continued. */
    static ChainTail unreadable(Exception why) {
        return new ChainTail(ChainHash.GENESIS, false, "its end could not be read (" + why + ")");
    }

    private static ChainTail fromLine(String text) {
        JsonNode line;
        try {
            line = JsonTreeReader.read(text);
        } catch (IOException e) {
            return new ChainTail(ChainHash.GENESIS, false, "its last line is not valid JSON");
        }
        if (!(line instanceof ObjectNode object) || !ChainHash.looksLikeHash(object.path(ChainHash.HASH).asText(null))
                || !ChainHash.looksLikeHash(object.path(ChainHash.PREV).asText(null))) {
            return new ChainTail(ChainHash.GENESIS, false, "its last line has no valid prev and hash fields");
        }
        String hash = object.get(ChainHash.HASH).asText();
        if (!hash.equals(new ChainHash().recompute(object))) {
            return new ChainTail(ChainHash.GENESIS, false, "its last line does not match its own hash (edited)");
        }
        return new ChainTail(hash, false, null);
    }

    /** The bytes of the line that ends at {@code end} (its line end), or null when it is too long to read. */
    private static byte[] lastLine(FileChannel channel, long end) throws IOException {
        long position = end;
        long start = 0;
        search:
        while (position > 0) {
            int length = (int) Math.min(CHUNK, position);
            ByteBuffer chunk = ByteBuffer.allocate(length);
            readFully(channel, chunk, position - length);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    start = position - length + i + 1;
                    break search;
                }
            }
            position -= length;
            if (end - position > LONGEST_LINE_READ) {
                return null;
            }
        }
        ByteBuffer line = ByteBuffer.allocate((int) (end - start));
        readFully(channel, line, start);
        return line.array();
    }

    /** Whether a non-empty file's last byte is a line end (an empty file has no cut-off line either). */
    static boolean endsWithLineEnd(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.size() == 0 || byteAt(channel, channel.size() - 1) == '\n';
        }
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(channel, one, position);
        return one.get(0);
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int read = channel.read(into, position + into.position());
            if (read < 0) {
                throw new IOException("the file shrank while its last line was read");
            }
        }
    }
}
