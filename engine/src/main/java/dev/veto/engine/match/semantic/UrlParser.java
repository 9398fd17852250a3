package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a URL into what an HTTP client will connect to, and refuses what clients read differently.
 *
 * <p>The host is what follows the last (and only) '@' of the authority, as every client reads it, so
 * {@code https://trusted.com@evil.com} is evil.com. Refused, because a browser (WHATWG URL), curl, OkHttp
 * and java.net.URI do not all agree on them: whitespace or control characters anywhere (also at the
 * ends), backslashes, more than one '@', percent-encoding in the host, an IPv4 part with a leading zero,
 * {@code http:host} without '//', no scheme, empty hosts (except {@code file:}), zone ids, invalid ports.
 * As a last guard the result is compared with java.net.URI's reading (what java.net.http uses) and a
 * disagreement is refused.
 */
final class UrlParser {

    private static final int MAX_LENGTH = 8192;

    /** Schemes whose URLs always have an authority (WHATWG "special" schemes, plus WebSocket). */
    private static final Set<String> NEEDS_AUTHORITY = Set.of("http", "https", "ws", "wss", "ftp");

    static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
            Map.entry("http", 80), Map.entry("https", 443), Map.entry("ws", 80), Map.entry("wss", 443),
            Map.entry("ftp", 21), Map.entry("ftps", 990), Map.entry("sftp", 22), Map.entry("ssh", 22),
            Map.entry("gopher", 70), Map.entry("ldap", 389), Map.entry("ldaps", 636),
            Map.entry("smtp", 25), Map.entry("imap", 143), Map.entry("telnet", 23),
            Map.entry("redis", 6379), Map.entry("dict", 2628));

    private UrlParser() {
    }

    static ParsedUrl parse(Object value) throws EvaluationException {
        String url;
        if (value instanceof URI uri) {
            url = uri.toString();
        } else if (value instanceof URL javaUrl) {
            url = javaUrl.toExternalForm();
        } else {
            url = Inputs.text(value, "a URL (a String, java.net.URI or java.net.URL)");
        }
        return parse(url);
    }

    static ParsedUrl parse(String url) throws EvaluationException {
        rejectAmbiguousCharacters(url);
        int colon = schemeEnd(url);
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 1);
        if (!rest.startsWith("//")) {
            if (NEEDS_AUTHORITY.contains(scheme)) {
                throw new EvaluationException("URL " + Inputs.quoted(url) + " has no '//' after '" + scheme
                        + ":'; clients disagree on where its host is");
            }
            return new ParsedUrl(scheme, null, -1);
        }
        int end = 2;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(2, end);
        int at = authority.lastIndexOf('@');
        if (at != authority.indexOf('@')) {
            throw new EvaluationException("URL " + Inputs.quoted(url) + " has more than one '@' in its authority");
        }
        String hostAndPort = authority.substring(at + 1);
        String rawHost;
        String rawPort = null;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw new EvaluationException("URL " + Inputs.quoted(url) + " has an unclosed '[' in its host");
            }
            rawHost = hostAndPort.substring(0, close + 1);
            String after = hostAndPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw new EvaluationException("URL " + Inputs.quoted(url) + " has text after its IPv6 literal");
                }
                rawPort = after.substring(1);
            }
        } else {
            int portColon = hostAndPort.indexOf(':');
            rawHost = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
            rawPort = portColon < 0 ? null : hostAndPort.substring(portColon + 1);
        }
        Host host;
        if (rawHost.isEmpty()) {
            if (!scheme.equals("file") || at >= 0 || rawPort != null) {
                throw new EvaluationException("URL " + Inputs.quoted(url) + " has no host");
            }
            host = null;
        } else {
            host = Hosts.parse(rawHost);
        }
        int port = port(rawPort, scheme, url);
        crossCheckWithJavaNetUri(url, rawHost, rawPort);
        return new ParsedUrl(scheme, host, port);
    }

    private static void rejectAmbiguousCharacters(String url) throws EvaluationException {
        if (url.isEmpty()) {
            throw new EvaluationException("empty URL");
        }
        if (url.length() > MAX_LENGTH) {
            throw new EvaluationException("URL longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\'
                    || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate(c) && !validSurrogatePair(url, i)))) {
                throw new EvaluationException("URL " + Inputs.quoted(url) + " contains "
                        + (c == '\\' ? "a backslash" : "whitespace or a control character")
                        + " at index " + i + "; clients disagree on such URLs");
            }
        }
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static int schemeEnd(String url) throws EvaluationException {
        int colon = url.indexOf(':');
        boolean valid = colon > 0 && isAsciiLetter(url.charAt(0));
        for (int i = 1; valid && i < colon; i++) {
            char c = url.charAt(i);
            valid = isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        }
        if (!valid) {
            throw new EvaluationException("URL " + Inputs.quoted(url) + " has no scheme; expected scheme://host/...");
        }
        return colon;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int port(String rawPort, String scheme, String url) throws EvaluationException {
        if (rawPort == null || rawPort.isEmpty()) {
            return DEFAULT_PORTS.getOrDefault(scheme, -1);
        }
        int port = 0;
        for (int i = 0; i < rawPort.length(); i++) {
            char c = rawPort.charAt(i);
            if (c < '0' || c > '9' || i >= 5) {
                throw new EvaluationException("URL " + Inputs.quoted(url) + " has an invalid port " + Inputs.quoted(rawPort));
            }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) {
            throw new EvaluationException("URL " + Inputs.quoted(url) + " has port " + port + ", expected 1..65535");
        }
        return port;
    }

    /**
     * java.net.URI is what java.net.http and many Java clients connect by. Where it reads a server
     * authority, it must find the same host and port text we found; otherwise one of us is wrong.
     */
    static void crossCheckWithJavaNetUri(String url, String rawHost, String rawPort) throws EvaluationException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return; // java.net.http refuses this URL outright; our reading stands for other clients
        }
        String uriHost = uri.getHost();
        if (uriHost == null) {
            return;
        }
        boolean sameHost = uriHost.equalsIgnoreCase(rawHost);
        boolean samePort = rawPort == null || rawPort.isEmpty() ? uri.getPort() == -1 : Integer.toString(uri.getPort()).equals(stripLeadingZeros(rawPort));
        if (!sameHost || !samePort) {
            throw new EvaluationException("URL " + Inputs.quoted(url) + " is read as host " + Inputs.quoted(uriHost)
                    + " by java.net.URI but as " + Inputs.quoted(rawHost) + " by other clients");
        }
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
