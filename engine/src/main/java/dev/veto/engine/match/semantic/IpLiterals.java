package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals as HTTP clients read them. An IPv4 host may be written as one to four parts, each
 * decimal or hexadecimal ({@code 2130706433}, {@code 0x7f.1}, {@code 127.1} are all 127.0.0.1), which is
 * what browsers (WHATWG URL), curl and inet_aton accept. A part with a leading zero is octal to those
 * clients but decimal to java.net.InetAddress, so the same text reaches two different hosts: refused.
 * Never does DNS: only literals are turned into addresses.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** Whether the last label is a number, which makes a client read the whole host as IPv4 (WHATWG). */
    static boolean looksLikeIpv4(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.startsWith("0x")) {
            for (int i = 2; i < last.length(); i++) {
                if (Character.digit(last.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < last.length(); i++) {
            if (last.charAt(i) < '0' || last.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** @param host lower-case host whose last label is numeric */
    static InetAddress ipv4(String host) throws EvaluationException {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            throw new EvaluationException("host " + Inputs.quoted(host) + " ends in a number but is not an IPv4 address");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
            if (i < parts.length - 1 && values[i] > 255) {
                throw new EvaluationException("IPv4 address " + Inputs.quoted(host) + " has a part over 255");
            }
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new EvaluationException("IPv4 address " + Inputs.quoted(host) + " is out of range");
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        return byAddress(bytes);
    }

    private static long part(String part, String host) throws EvaluationException {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            throw new EvaluationException("IPv4 address " + Inputs.quoted(host)
                    + " has a part with a leading zero: octal to browsers and curl, decimal to Java");
        }
        if (digits.isEmpty() && radix == 16) {
            return 0;
        }
        if (digits.isEmpty() || digits.length() > 10) {
            throw new EvaluationException("host " + Inputs.quoted(host) + " is not a valid IPv4 address");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, radix) : -1; // Character.digit also reads Unicode digits
            if (digit < 0) {
                throw new EvaluationException("host " + Inputs.quoted(host) + " ends in a number but is not an IPv4 address");
            }
            value = value * radix + digit;
        }
        return value;
    }

    /** A bracketed IPv6 literal's inside; IPv4-mapped addresses come back as IPv4 (where they connect). */
    static InetAddress ipv6(String literal) throws EvaluationException {
        if (literal.isEmpty()) {
            throw new EvaluationException("empty IPv6 literal");
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                throw new EvaluationException("IPv6 literal " + Inputs.quoted(literal)
                        + " contains " + Inputs.quoted(String.valueOf(c)) + " (zone ids and IPvFuture are not accepted)");
            }
        }
        if (literal.indexOf(':') < 0) {
            throw new EvaluationException("IPv6 literal " + Inputs.quoted(literal) + " has no ':'");
        }
        try {
            // Brackets make InetAddress parse a literal or fail: it never resolves a name here.
            return InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new EvaluationException("IPv6 literal " + Inputs.quoted(literal) + " is not a valid address");
        }
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
