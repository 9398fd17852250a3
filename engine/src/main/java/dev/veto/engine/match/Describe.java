package dev.veto.engine.match;

/** Short, safe descriptions of values for reasons and traces: bounded in length, never a value's whole text. */
public final class Describe {

    private static final int MAX_SHOWN = 60;

    private Describe() {
    }

    /** {@code a String}, {@code a List}, {@code an Integer}... */
    public static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        String name = value.getClass().getSimpleName();
        if (name.isEmpty()) {
            name = value.getClass().getName();
        }
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** The string in double quotes, cut short when long. */
    public static String quoted(String text) {
        return '"' + shorten(text) + '"';
    }

    /** A value as a trace shows it: strings quoted, others by their text, all cut short. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            return quoted(text.toString());
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return "a map of " + map.size() + " entries"; // never toString: it may be huge or cyclic
        }
        if (value instanceof java.util.Collection<?> collection) {
            return typeOf(value) + " of " + collection.size() + " items";
        }
        try {
            return shorten(String.valueOf(value));
        } catch (RuntimeException | StackOverflowError e) {
            return "<" + typeOf(value) + ">";
        }
    }

    /** A number in plain digits when that is short, else in scientific notation (never a billion zeros). */
    public static String number(java.math.BigDecimal n) {
        int digitsBeforePoint = n.precision() - n.scale();
        return digitsBeforePoint <= 40 && n.scale() <= 40 ? n.toPlainString() : n.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
