package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.Locale;

/** Reads a URL's host (or a host pattern) into a {@link Host}: an IP literal in any encoding, or a name. */
final class Hosts {

    private Hosts() {
    }

    /** @param raw the host as written in the authority: {@code [v6]}, an IPv4 form, or a (Unicode) name */
    static Host parse(String raw) throws EvaluationException {
        if (raw.isEmpty()) {
            throw new EvaluationException("URL has no host");
        }
        if (raw.charAt(0) == '[') {
            if (raw.charAt(raw.length() - 1) != ']') {
                throw new EvaluationException("IPv6 literal " + Inputs.quoted(raw) + " is not closed by ']'");
            }
            return Host.ofAddress(IpLiterals.ipv6(raw.substring(1, raw.length() - 1)));
        }
        if (raw.indexOf('%') >= 0) {
            throw new EvaluationException("host " + Inputs.quoted(raw)
                    + " is percent-encoded; clients disagree on decoding it");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        String withoutRootDot = lower.endsWith(".") && !lower.endsWith("..") ? lower.substring(0, lower.length() - 1) : lower;
        // Only ASCII text is read as an address here: a browser maps a Unicode host first (full-width
        // "０１７７" becomes "0177", octal), so such a host is read below, after the same mapping.
        if (isAscii(withoutRootDot) && IpLiterals.looksLikeIpv4(withoutRootDot)) {
            return Host.ofAddress(IpLiterals.ipv4(withoutRootDot));
        }
        String name = HostNames.canonical(raw, true);
        if (IpLiterals.looksLikeIpv4(name)) {
            // e.g. full-width digits that IDN mapping turned into an IPv4 form
            return Host.ofAddress(IpLiterals.ipv4(name));
        }
        return Host.ofName(name);
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
