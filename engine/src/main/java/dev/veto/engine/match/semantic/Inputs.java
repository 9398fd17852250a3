package dev.veto.engine.match.semantic;

import dev.veto.engine.match.Describe;
import dev.veto.engine.match.EvaluationException;

/** Reads call-time values into the text an operator judges; anything else is an evaluation error. */
final class Inputs {

    private Inputs() {
    }

    /** The value as text, when it is a {@link CharSequence}. */
    static String text(Object value, String expected) throws EvaluationException {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof CharSequence chars) {
            return chars.toString();
        }
        throw wrongType(value, expected);
    }

    static EvaluationException wrongType(Object value, String expected) {
        return new EvaluationException("value is " + typeOf(value) + ", expected " + expected);
    }

    static String typeOf(Object value) {
        return Describe.typeOf(value);
    }

    /** A short, quoted, printable excerpt of a value for a reason (never the whole of a long value). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 60) + 8).append('"');
        for (int i = 0; i < text.length() && i < 60; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(text.length() > 60 ? "...\"" : "\"").toString();
    }
}
