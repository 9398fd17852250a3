package dev.veto.agent.cli;

/**
 * Bad input to the CLI (flags, JSON, files, a policy that does not load): exit 2 with a message that
 * says what is wrong and what to do.
 */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean aboutFlags;

    /** Bad flags or arguments: the message is followed by a pointer to the command's {@code --help}. */
    UsageException(String message) {
        this(message, true);
    }

    private UsageException(String message, boolean aboutFlags) {
        super(message);
        this.aboutFlags = aboutFlags;
    }

    /** Bad content (a policy, a JSON line, a cases file): the message stands alone, {@code file:line:col: ...}. */
    static UsageException inContent(String message) {
        return new UsageException(message, false);
    }

    boolean aboutFlags() {
        return aboutFlags;
    }
}
