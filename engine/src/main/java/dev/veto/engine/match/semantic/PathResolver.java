package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Turns a path argument into the absolute paths the file system will reach, resolving symbolic links in
 * the part that exists.
 *
 * <p>Two readings are returned, and a caller must accept both: the <em>lexical</em> one (the path made
 * absolute against the base, {@code .} and {@code ..} folded as text, then its symbolic links followed,
 * a dangling one to its target), which is what a tool that calls {@link Path#normalize()} before opening
 * reaches; and the <em>kernel's</em> one (components walked in order, each existing symbolic link followed
 * before the next {@code ..} is applied), which is what {@code open(2)} reaches. They differ only when a
 * {@code ..} follows a symbolic link.
 */
final class PathResolver {

    /** Linux gives up after 40 links (ELOOP); so do we. */
    private static final int MAX_LINKS = 40;

    private final Path base;

    PathResolver(Path base) {
        this.base = base;
    }

    /** The path argument: a String, java.nio.file.Path (default file system) or java.io.File. */
    static String text(Object value) throws EvaluationException {
        String text;
        if (value instanceof Path path) {
            if (path.getFileSystem() != FileSystems.getDefault()) {
                throw new EvaluationException("value is a Path on another file system than the default one");
            }
            text = path.toString();
        } else if (value instanceof File file) {
            text = file.getPath();
        } else {
            text = Inputs.text(value, "a file path (a String, java.nio.file.Path or java.io.File)");
        }
        if (text.isEmpty()) {
            throw new EvaluationException("value is an empty path");
        }
        if (text.indexOf('\0') >= 0) {
            throw new EvaluationException("path " + Inputs.quoted(text) + " contains a NUL byte");
        }
        return text;
    }

    /** Both readings of the path; equal in the common case. */
    Path[] resolve(String text) throws EvaluationException {
        Path given;
        try {
            given = base.resolve(text);
        } catch (InvalidPathException e) {
            throw new EvaluationException("path " + Inputs.quoted(text) + " is not a valid path: " + e.getReason());
        }
        Path kernel = walk(given, 0);
        if (!hasDotDot(given)) {
            return new Path[] {kernel}; // without ".." folding text changes nothing: the kernel reading is all
        }
        // The normalized text walked like the kernel walks it, so a dangling link it names counts as its
        // target here too: "nothing/../dangling" normalizes to "dangling", and writing there creates the target.
        Path lexical = walk(given.normalize(), 0);
        return lexical.equals(kernel) ? new Path[] {kernel} : new Path[] {lexical, kernel};
    }

    private static boolean hasDotDot(Path path) {
        for (Path name : path) {
            if (name.toString().equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Path walk(Path absolute, int linksFollowed) throws EvaluationException {
        Path current = absolute.getRoot();
        int count = absolute.getNameCount();
        for (int i = 0; i < count; i++) {
            String name = absolute.getName(i).toString();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            BasicFileAttributes attributes = attributesOrNull(next); // one lstat per component
            if (attributes == null) {
                // Nothing below here exists: the rest is text, folded the same way.
                return current.resolve(absolute.subpath(i, count)).normalize();
            }
            if (attributes.isSymbolicLink()) {
                if (Files.exists(next)) {
                    current = real(next);
                    continue;
                }
                // A dangling link: creating a file through it creates its target, wherever that is.
                if (linksFollowed >= MAX_LINKS) {
                    throw new EvaluationException("path " + Inputs.quoted(absolute.toString()) + " has too many levels of symbolic links");
                }
                Path target = current.resolve(readLink(next));
                Path rest = i + 1 < count ? target.resolve(absolute.subpath(i + 1, count)) : target;
                return walk(rest, linksFollowed + 1);
            }
            current = next; // an existing non-link below a real path is itself real
        }
        return current;
    }

    private static BasicFileAttributes attributesOrNull(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // absent (or unreadable: then the kernel cannot go through it either)
        }
    }

    private static Path readLink(Path link) throws EvaluationException {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new EvaluationException("cannot read symbolic link " + Inputs.quoted(link.toString()));
        }
    }

    private static Path real(Path existing) throws EvaluationException {
        try {
            return existing.toRealPath();
        } catch (IOException e) {
            throw new EvaluationException("cannot resolve symbolic links of " + Inputs.quoted(existing.toString())
                    + ": " + e.getClass().getSimpleName());
        }
    }
}
