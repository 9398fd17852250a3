package dev.veto.engine.match.semantic;

import dev.veto.engine.match.ValueMatcher;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code charset}: every character of the string belongs to the set (the empty string matches). Named
 * sets:
 * <ul>
 * <li>{@code no_control}: no control characters other than tab, line feed and carriage return; no
 *     invisible format characters (bidi overrides such as U+202E, zero-width spaces and joiners, BOM);
 *     no unpaired surrogates;</li>
 * <li>{@code single_line}: {@code no_control}, and no tab, CR, LF, NEL, U+2028 or U+2029 either;</li>
 * <li>{@code ascii}: printable ASCII plus tab, LF and CR;</li>
 * <li>{@code printable_ascii}: U+0020..U+007E only.</li>
 * </ul>
 * Or a regex character class such as {@code "[A-Za-z0-9_.-]"}, compiled once and applied to each code
 * point. A value that is not a string is an evaluation error.
 */
final class CharsetMatcher {

    private static final Map<String, IntPredicate> NAMED = Map.of(
            "no_control", CharsetMatcher::notControl,
            "single_line", cp -> notControl(cp) && cp != '\t' && cp != '\n' && cp != '\r'
                    && cp != 0x85 && cp != 0x2028 && cp != 0x2029,
            "ascii", cp -> (cp >= 0x20 && cp < 0x7f) || cp == '\t' || cp == '\n' || cp == '\r',
            "printable_ascii", cp -> cp >= 0x20 && cp < 0x7f);

    private CharsetMatcher() {
    }

    static ValueMatcher compile(Object operand) {
        if (!(operand instanceof String spec) || spec.isEmpty()) {
            throw new IllegalArgumentException("charset expects one of " + NAMED.keySet().stream().sorted().toList()
                    + " or a regex character class such as \"[A-Za-z0-9_-]\", got " + Operands.describe(operand));
        }
        IntPredicate named = NAMED.get(spec);
        if (named == null) {
            Pattern everyCharacterInClass = characterClass(spec);
            return value -> everyCharacterInClass.matcher(Inputs.text(value, "a String")).matches();
        }
        return value -> {
            String text = Inputs.text(value, "a String");
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (!named.test(cp)) {
                    return false;
                }
                i += Character.charCount(cp);
            }
            return true;
        };
    }

    private static boolean notControl(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return cp == '\t' || cp == '\n' || cp == '\r';
        }
        return type != Character.FORMAT && type != Character.SURROGATE;
    }

    private static Pattern characterClass(String spec) {
        if (!isOneBracketClass(spec)) {
            throw new IllegalArgumentException("charset: " + Inputs.quoted(spec) + " is neither a named set "
                    + NAMED.keySet().stream().sorted().toList() + " nor one regex character class like \"[a-z0-9]\"");
        }
        try {
            // Possessive: a class repeated can never backtrack, whatever the input.
            return Pattern.compile("(?:" + spec + ")*+");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("charset: " + Inputs.quoted(spec) + " is not a valid character class: "
                    + e.getDescription());
        }
    }

    /** Starts with '[' and the bracket opened there closes at the very last character. */
    private static boolean isOneBracketClass(String spec) {
        if (spec.length() < 3 || spec.charAt(0) != '[' || spec.charAt(spec.length() - 1) != ']') {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0 && i != spec.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }
}
