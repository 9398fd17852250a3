package dev.veto.bench.generated;

/** Writes block YAML line by line, two spaces per level, with scalars quoted as JSON strings (valid YAML). */
final class YamlWriter {

    private final StringBuilder text = new StringBuilder(256 * 1024);

    void line(int depth, String content) {
        text.append("  ".repeat(depth)).append(content).append('\n');
    }

    /** A double-quoted YAML scalar: backslashes and quotes escaped, so regexes survive as written. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
