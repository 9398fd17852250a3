package dev.veto.engine.match.semantic;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * One row of {@code semantic-matchers.table}: operator, operand, input, and the decision it must get.
 *
 * <pre>
 * == host_in: [example.com, "*.example.org"]       section: operator and operand, as the policy writes them (YAML)
 * hostile  no-match  https://example.com@evil.com    a row: hostile|benign, match|no-match|error, [type], input
 * benign   match     [uri] https://example.com/       ... the input is the rest of the line, taken literally,
 * hostile  error     "https://a.com\u0000"            ... or a Java-escaped string when it is in double quotes
 * </pre>
 * Types: [path] [file] [uri] [int] [long] [double] [float] [decimal] [biginteger] [bool] [null] [list]
 * (a YAML flow list) [array] (a String[] from a YAML flow list) [object]; without a type the input is a
 * String. A row may end with {@code  ## note}.
 */
record MatcherCase(int line, String operator, Object operand, boolean hostile, Expected expected, Object input,
                   String text) {

    enum Expected { MATCH, NO_MATCH, ERROR }

    @Override
    public String toString() {
        return "line " + line + ": " + operator + " " + operand + " <- " + text + " => " + expected;
    }

    static List<MatcherCase> parseTable(String table) {
        List<MatcherCase> cases = new ArrayList<>();
        String operator = null;
        Object operand = null;
        String[] lines = table.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("==")) {
                    Map<?, ?> section = new Yaml().load(line.substring(2).strip());
                    Map.Entry<?, ?> entry = section.entrySet().iterator().next();
                    operator = (String) entry.getKey();
                    operand = entry.getValue();
                    continue;
                }
                if (operator == null) {
                    throw new IllegalArgumentException("row before any '==' section");
                }
                cases.add(row(i + 1, line, operator, operand));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("semantic-matchers.table:" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    private static MatcherCase row(int number, String line, String operator, Object operand) {
        int note = line.indexOf(" ## ");
        String body = note < 0 ? line : line.substring(0, note).strip();
        String[] head = body.split("\\s+", 3);
        if (head.length < 3) {
            throw new IllegalArgumentException("expected: hostile|benign match|no-match|error [type] input");
        }
        boolean hostile = switch (head[0]) {
            case "hostile" -> true;
            case "benign" -> false;
            default -> throw new IllegalArgumentException("first column must be hostile or benign: " + head[0]);
        };
        Expected expected = switch (head[1]) {
            case "match" -> Expected.MATCH;
            case "no-match" -> Expected.NO_MATCH;
            case "error" -> Expected.ERROR;
            default -> throw new IllegalArgumentException("second column must be match, no-match or error: " + head[1]);
        };
        String rest = head[2];
        String type = "string";
        if (rest.startsWith("[") && rest.indexOf(']') > 0 && rest.substring(1, rest.indexOf(']')).matches("[a-z]+")) {
            type = rest.substring(1, rest.indexOf(']'));
            rest = rest.substring(rest.indexOf(']') + 1).strip();
        }
        String text = rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"") ? unescape(rest) : rest;
        return new MatcherCase(number, operator, operand, hostile, expected, typed(type, text), rest);
    }

    private static Object typed(String type, String text) {
        return switch (type) {
            case "string" -> text;
            case "path" -> Path.of(text);
            case "file" -> new File(text);
            case "uri" -> URI.create(text);
            case "int" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "double" -> Double.valueOf(text);
            case "float" -> Float.valueOf(text);
            case "decimal" -> new BigDecimal(text);
            case "biginteger" -> new BigInteger(text);
            case "bool" -> Boolean.valueOf(text);
            case "null" -> null;
            case "list" -> new Yaml().load(text);
            case "array" -> ((List<?>) new Yaml().load(text)).toArray(new String[0]);
            case "object" -> new Object();
            default -> throw new IllegalArgumentException("unknown input type [" + type + "]");
        };
    }

    /** Java-style escapes inside a double-quoted input: \\ \" \n \r \t \0 \\uXXXX. */
    private static String unescape(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\' || i + 1 == inner.length()) {
                out.append(c);
                continue;
            }
            char next = inner.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'u' -> {
                    out.append((char) Integer.parseInt(inner.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
