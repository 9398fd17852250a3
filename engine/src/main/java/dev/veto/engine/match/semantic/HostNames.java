package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.net.IDN;
import java.util.Locale;

/**
 * Domain names in the one form they are compared in: lower case, ASCII (IDN labels as punycode, the way a
 * resolver receives them), without the trailing root dot, each label 1..63 letters, digits, hyphens or
 * underscores. Used for URL hosts, e-mail domains and the policy's patterns alike, so that both sides of a
 * comparison went through the same door.
 */
final class HostNames {

    private static final int MAX_NAME_LENGTH = 253;

    private HostNames() {
    }

    /**
     * @param allowTrailingDot whether one trailing dot (the DNS root, {@code example.com.}) is accepted and
     *                         dropped; URLs allow it, e-mail addresses do not
     */
    static String canonical(String name, boolean allowTrailingDot) throws EvaluationException {
        if (name.isEmpty()) {
            throw new EvaluationException("empty host name");
        }
        String ascii = isAscii(name) ? name : toPunycode(name);
        if (ascii.endsWith(".")) {
            if (!allowTrailingDot) {
                throw new EvaluationException("host name " + Inputs.quoted(name) + " ends with a dot");
            }
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.isEmpty() || ascii.length() > MAX_NAME_LENGTH) {
            throw new EvaluationException("host name " + Inputs.quoted(name) + " has an invalid length");
        }
        int labelStart = 0;
        for (int i = 0; i <= ascii.length(); i++) {
            char c = i < ascii.length() ? ascii.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63) {
                    throw new EvaluationException("host name " + Inputs.quoted(name)
                            + " has an empty or over-long label");
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                throw new EvaluationException("host name " + Inputs.quoted(name) + " contains "
                        + Inputs.quoted(String.valueOf(c)) + ", expected letters, digits, '-', '_' and dots");
            }
        }
        return ascii;
    }

    /**
     * IDNA2003 (java.net.IDN) and the UTS #46 mapping browsers use agree except on the four "deviation"
     * characters: a name holding one of them could reach two different hosts, so it is refused.
     */
    private static String toPunycode(String name) throws EvaluationException {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\u00df' || c == '\u03c2' || c == '\u200c' || c == '\u200d') {
                throw new EvaluationException("host name " + Inputs.quoted(name)
                        + " holds a character that IDN standards map differently (\u00df, \u03c2, ZWJ, ZWNJ)");
            }
        }
        try {
            return IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException("host name " + Inputs.quoted(name) + " is not a valid international name");
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
