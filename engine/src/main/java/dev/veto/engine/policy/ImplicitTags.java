package dev.veto.engine.policy;

import java.util.regex.Pattern;

/**
 * The YAML 1.1 type of a plain (unquoted) scalar, from its text: {@code yes} is a boolean, {@code 0x1F} an
 * integer, {@code ~} null... exactly as SnakeYAML's {@code Resolver} types it (same patterns, first
 * characters, length limits and order; {@code ImplicitTagsTest} holds the two to each other). It exists
 * for start-up time: SnakeYAML's {@code Tag} and {@code Resolver} classes set up far more than reading a
 * policy needs ({@code java.sql} look-ups, which open the JDK's module image, and every pattern at once),
 * about 20 ms of the agent's path to the first governed call. Patterns here are compiled when first needed.
 */
final class ImplicitTags {

    private static final String[] TAGS = {YamlNode.BOOL, YamlNode.INT, YamlNode.FLOAT, YamlNode.TAG_PREFIX + "merge",
            YamlNode.NULL, YamlNode.NULL, YamlNode.TAG_PREFIX + "timestamp", YamlNode.TAG_PREFIX + "yaml"};
    private static final String[] REGEXES = {
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
            "^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
            "^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                    + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
            "^(?:<<)$",
            "^(?:~|null|Null|NULL| )$",
            "^$",
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)"
                    + "[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
            "^(?:!|&|\\*)$"};
    /** The first characters each pattern is tried for; null: tried for every text, after the others. */
    private static final String[] FIRST = {"yYnNtTfFoO", "-+0123456789", "-+0123456789.", "<", "~nN", null, "0123456789",
            "!&*"};
    /** Patterns tried for every text (SnakeYAML files the null pattern's '\0' with them), in this order. */
    private static final int[] FOR_EVERY_TEXT = {4, 5};
    /** Longer texts are not tried against the pattern. */
    private static final int[] LIMITS = {10, 1024, 1024, 10, 10, 10, 50, 10};
    private static final Pattern[] COMPILED = new Pattern[REGEXES.length];

    private ImplicitTags() {
    }

    /** The tag of a plain scalar with this text: one of the YAML 1.1 types, or {@link YamlNode#STR}. */
    static String of(String text) {
        char first = text.isEmpty() ? 0 : text.charAt(0);
        if (first != 0) {
            for (int i = 0; i < REGEXES.length; i++) {
                if (FIRST[i] != null && FIRST[i].indexOf(first) >= 0 && matches(i, text)) {
                    return TAGS[i];
                }
            }
        }
        for (int i : FOR_EVERY_TEXT) {
            if (matches(i, text)) {
                return TAGS[i];
            }
        }
        return YamlNode.STR;
    }

    private static boolean matches(int i, String text) {
        return text.length() <= LIMITS[i] && pattern(i).matcher(text).matches();
    }

    private static synchronized Pattern pattern(int i) {
        if (COMPILED[i] == null) {
            COMPILED[i] = Pattern.compile(REGEXES[i]);
        }
        return COMPILED[i];
    }
}
