package dev.veto.engine.policy;

/**
 * The SHA-256 (hex) of a policy's text, its identity in the decision log, computed when first asked for.
 *
 * <p>Why not at load: the first SHA-256 of a JVM initialises the security providers, tens of milliseconds
 * that would otherwise delay the agent's first governed call. The engine needs the hash only for a decision
 * log line or a held call, and the agent asks for it on its start-up thread right after the engine is in
 * force. A decision log line carries this object, not the hex, so that a call never waits for the hash:
 * the log's writer thread asks for it. Whoever asks first computes it, once; the others wait for that.
 */
public final class ContentHash {

    private String text;
    private volatile String hex;

    private ContentHash(String text, String hex) {
        this.text = text;
        this.hex = hex;
    }

    /** The hash of this text, computed on first use. */
    static ContentHash of(String text) {
        return new ContentHash(text, null);
    }

    /** A hash already known (hex). */
    public static ContentHash known(String hex) {
        return new ContentHash(null, hex);
    }

    /** The SHA-256 of the text, 64 lower-case hex digits. */
    public String hex() {
        String known = hex;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (hex == null) {
                hex = PolicyLoader.contentHash(text);
                text = null; // the policy text is not kept once it is hashed
            }
            return hex;
        }
    }

    /** Whether the hash has been computed yet (for tests: a call must not be the one that computes it). */
    public boolean computed() {
        return hex != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentHash that && hex().equals(that.hex());
    }

    @Override
    public int hashCode() {
        return hex().hashCode();
    }

    @Override
    public String toString() {
        return hex();
    }
}
