package dev.veto.engine.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The decision log's hash chain: each line's {@code hash} is the SHA-256 (lower-case hex) of the previous
 * line's hash followed by the line's canonical content without its {@code hash} field (its {@code prev}
 * field included), both UTF-8. The first line's {@code prev} is {@link #GENESIS}. Not thread-safe: one per
 * thread (the log's writer, a verifier).
 */
final class ChainHash {

    /** The {@code prev} of a chain's first line: 64 zeros. */
    static final String GENESIS = "0".repeat(64);

    static final String PREV = "prev";
    static final String HASH = "hash";

    private final MessageDigest sha256;
    private final TextBuffer canonical = new TextBuffer();

    ChainHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** As {@link #of(String, ObjectNode)}, for a line being written. */
    String of(String prev, LineFields content) {
        content.writeCanonical(canonical.clear());
        return digestOfCanonical(prev);
    }

    /** The hash of a line whose content (with {@code prev}, without {@code hash}) is {@code content}. */
    String of(String prev, ObjectNode content) {
        CanonicalJson.write(content, canonical.clear());
        return digestOfCanonical(prev);
    }

    /** SHA-256 of {@code prev} followed by the canonical text just written. */
    private String digestOfCanonical(String prev) {
        sha256.reset();
        sha256.update(prev.getBytes(StandardCharsets.UTF_8));
        canonical.digestUtf8(sha256);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Recomputes the hash of a line read back from a log (an object with {@code prev} and {@code hash}).
     *
     * @return the hash the line's content gives, equal to its {@code hash} field when the line is intact; null
     *         when the content has a value the log never writes (a number whose plain form is too long to
     *         write, {@code 1e999999}): such a line was edited
     */
    String recompute(ObjectNode line) {
        ObjectNode content = line.deepCopy();
        content.remove(HASH);
        try {
            return of(line.path(PREV).asText(), content);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    static boolean looksLikeHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
