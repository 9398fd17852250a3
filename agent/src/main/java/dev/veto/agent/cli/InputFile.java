package dev.veto.agent.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file a command reads; one that is not there, is a directory or cannot be read is bad input, named as such (exit 2). */
final class InputFile {

    private InputFile() {
    }

    /**
     * @param kind what the file should be, for the message: {@code policy}, {@code cases}, {@code calls}, {@code log}
     */
    static Path existing(String file, String kind) throws UsageException {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UsageException(file + ": is a directory, expected a " + kind + " file");
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException(file + ": no such " + kind + " file");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException(file + ": the " + kind + " file cannot be read (no permission)");
        }
        return path;
    }
}
