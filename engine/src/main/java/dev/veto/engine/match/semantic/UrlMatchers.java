package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.OperatorCompiler;
import dev.veto.engine.match.ValueMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code host_in}, {@code host_not_in}, {@code scheme_in}, {@code port_in} and {@code ip_private}: decided
 * on what the URL connects to, as {@link UrlParser} reads it. A URL that cannot be read without ambiguity,
 * or lacks the part an operator judges (no host for {@code host_in}, no known port for {@code port_in}),
 * is an evaluation error, so neither the operator nor its negation lets it through.
 */
final class UrlMatchers {

    /** Names that reach this machine or the local network without any DNS record of their own. */
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain");
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".home.arpa");

    private UrlMatchers() {
    }

    static Map<String, OperatorCompiler> operators() {
        return Map.of(
                "host_in", operand -> hostIn("host_in", operand, true),
                "host_not_in", operand -> hostIn("host_not_in", operand, false),
                "scheme_in", UrlMatchers::schemeIn,
                "port_in", UrlMatchers::portIn,
                "ip_private", UrlMatchers::ipPrivate);
    }

    private static ValueMatcher hostIn(String operator, Object operand, boolean wanted) {
        List<HostPattern> patterns = HostPattern.compileAll(
                Operands.strings(operand, operator, "a list of host names, *.domain patterns or IP literals"), operator);
        return value -> HostPattern.anyMatches(patterns, requireHost(UrlParser.parse(value))) == wanted;
    }

    private static ValueMatcher schemeIn(Object operand) {
        Set<String> schemes = Set.copyOf(Operands.strings(operand, "scheme_in", "a list of URL schemes such as [https]")
                .stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        return value -> schemes.contains(UrlParser.parse(value).scheme());
    }

    private static ValueMatcher portIn(Object operand) {
        List<PortRange> ranges = new ArrayList<>();
        List<?> entries = operand instanceof List<?> list ? list : List.of(operand);
        for (Object entry : entries) {
            ranges.add(portRange(entry));
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("port_in expects a list of ports or ranges such as [443, 8000-8999]");
        }
        return value -> {
            ParsedUrl url = UrlParser.parse(value);
            requireHost(url);
            if (url.port() < 0) {
                throw new EvaluationException("URL has no port and scheme '" + url.scheme() + "' has no known default port");
            }
            for (PortRange range : ranges) {
                if (range.contains(url.port())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static PortRange portRange(Object entry) {
        String expected = "port_in expects ports (1..65535) or ranges such as 8000-8999, got " + Operands.describe(entry);
        try {
            Integer port = Operands.wholeNumber(entry);
            if (port != null) {
                return checked(port, port, expected);
            }
            if (entry instanceof String text) {
                int dash = text.indexOf('-');
                return dash < 0
                        ? checked(Integer.parseInt(text.strip()), Integer.parseInt(text.strip()), expected)
                        : checked(Integer.parseInt(text.substring(0, dash).strip()),
                                  Integer.parseInt(text.substring(dash + 1).strip()), expected);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
        throw new IllegalArgumentException(expected);
    }

    private static PortRange checked(int from, int to, String expected) {
        if (from < 1 || to > 65535 || from > to) {
            throw new IllegalArgumentException(expected);
        }
        return new PortRange(from, to);
    }

    /** An inclusive range of ports; a single port is a range of one. */
    private record PortRange(int from, int to) {
        boolean contains(int port) {
            return port >= from && port <= to;
        }
    }

    private static ValueMatcher ipPrivate(Object operand) {
        if (!(operand instanceof Boolean wanted)) {
            throw new IllegalArgumentException("ip_private expects true or false, got " + Operands.describe(operand));
        }
        return value -> isNonPublic(requireHost(UrlParser.parse(value))) == wanted;
    }

    /** No DNS: an IP literal by its address, a name only by the local names every resolver keeps local. */
    static boolean isNonPublic(Host host) {
        if (host.isAddress()) {
            return NonPublicAddresses.contains(host.address());
        }
        if (LOCAL_NAMES.contains(host.name()) || host.name().indexOf('.') < 0) {
            // A name of one label has no public DNS record (ICANN allows none): the resolver finds it in
            // /etc/hosts or under the search domains, on this network. "metadata" is GCP's metadata
            // service (metadata.google.internal), "instance-data" EC2's.
            return true;
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (host.name().endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static Host requireHost(ParsedUrl url) throws EvaluationException {
        if (url.host() == null) {
            throw new EvaluationException("URL with scheme '" + url.scheme() + "' has no host");
        }
        return url.host();
    }
}
