package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.List;

/**
 * One entry of a host set: an exact name ({@code example.com}), a wildcard ({@code *.example.com}: any
 * name below example.com, at any depth, but NOT example.com itself; list both to allow both), or an IP
 * literal ({@code 10.0.0.1}, {@code [::1]}) compared as an address. Written in any case, in Unicode or
 * punycode, with or without a trailing dot: patterns are canonicalised like the values they meet.
 */
record HostPattern(String exact, String suffix) {

    static HostPattern compile(String pattern, String operator) {
        try {
            if (pattern.startsWith("*.")) {
                return new HostPattern(null, "." + HostNames.canonical(pattern.substring(2), true));
            }
            if (pattern.contains("*")) {
                throw new IllegalArgumentException(operator + ": " + Inputs.quoted(pattern)
                        + " is not a host pattern; a wildcard is only allowed as the whole first label, as in *.example.com");
            }
            return new HostPattern(Hosts.parse(pattern).name(), null);
        } catch (EvaluationException e) {
            throw new IllegalArgumentException(operator + ": " + Inputs.quoted(pattern)
                    + " is not a host name, *.domain or IP literal: " + e.getMessage());
        }
    }

    static List<HostPattern> compileAll(List<String> patterns, String operator) {
        return patterns.stream().map(p -> compile(p, operator)).toList();
    }

    boolean matches(Host host) {
        if (exact != null) {
            return exact.equals(host.name());
        }
        return !host.isAddress() && host.name().endsWith(suffix);
    }

    static boolean anyMatches(List<HostPattern> patterns, Host host) {
        for (HostPattern pattern : patterns) {
            if (pattern.matches(host)) {
                return true;
            }
        }
        return false;
    }
}
