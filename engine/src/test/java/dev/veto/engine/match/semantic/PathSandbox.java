package dev.veto.engine.match.semantic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A small real file tree with symbolic links for the path rows of the table ({@code ${tmp}} there):
 * <pre>
 * data/reports/q1.csv          data/reports/sub/            data/reports2/x.csv       secret/passwd
 * data/reports/escape   -> secret                 (a link out of the root)
 * data/reports/inside   -> data/reports/sub       (a link that stays in)
 * data/reports/dangling -> secret/created.txt     (a link to a file that does not exist yet)
 * data/reports/deep     -> data/other/x/y         (so deep/.. is data/other/x to the kernel)
 * data/reportslink      -> data/reports           (another name for the root)
 * data/rootlink         -> data/reports           (a root written through a link)
 * data/reports/loop1    -> loop2, loop2 -> loop1  (a cycle)
 * </pre>
 */
final class PathSandbox {

    private PathSandbox() {
    }

    static Path create() throws IOException {
        Path tmp = Files.createTempDirectory("veto-paths").toRealPath();
        Path reports = Files.createDirectories(tmp.resolve("data/reports"));
        Files.createDirectories(reports.resolve("sub"));
        Files.writeString(reports.resolve("q1.csv"), "q1");
        Files.createDirectories(tmp.resolve("data/reports2"));
        Files.writeString(tmp.resolve("data/reports2/x.csv"), "x");
        Files.createDirectories(tmp.resolve("secret"));
        Files.writeString(tmp.resolve("secret/passwd"), "root");
        Files.createDirectories(tmp.resolve("data/other/x/y"));
        Files.createSymbolicLink(reports.resolve("escape"), tmp.resolve("secret"));
        Files.createSymbolicLink(reports.resolve("inside"), reports.resolve("sub"));
        Files.createSymbolicLink(reports.resolve("dangling"), tmp.resolve("secret/created.txt"));
        Files.createSymbolicLink(reports.resolve("deep"), tmp.resolve("data/other/x/y"));
        Files.createSymbolicLink(tmp.resolve("data/reportslink"), reports);
        Files.createSymbolicLink(tmp.resolve("data/rootlink"), reports);
        Files.createSymbolicLink(reports.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(reports.resolve("loop2"), Path.of("loop1"));
        return tmp;
    }

    static void delete(Path root) throws IOException {
        if (root == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
