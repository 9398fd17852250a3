package dev.veto.engine.match.semantic;

import dev.veto.engine.match.ValueMatcher;
import dev.veto.engine.match.OperatorCompiler;
import dev.veto.engine.match.EvaluationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code path_within} and {@code path_not_within}: whether a file path, resolved as {@link PathResolver}
 * does (absolute against the base, {@code .} and {@code ..} folded, symbolic links of the existing part
 * followed), lies in one of the roots (the root itself included; {@code /data/reports2} is not within
 * {@code /data/reports}). A path is within only if every reading of it is within, so
 * {@code path_not_within} (its exact negation) matches when any reading escapes.
 *
 * <p>Operand: a list of roots, or {@code {roots: [...], base: /srv/app}}; relative paths (values and roots)
 * are resolved against the base, by default the JVM's working directory when the policy is loaded. Roots
 * are resolved (symbolic links included) once, at load.
 */
final class PathMatchers {

    private static final Set<String> KEYS = Set.of("roots", "base");

    private PathMatchers() {
    }

    static Map<String, OperatorCompiler> operators() {
        return Map.of(
                "path_within", operand -> compile("path_within", operand, true),
                "path_not_within", operand -> compile("path_not_within", operand, false));
    }

    private static ValueMatcher compile(String operator, Object operand, boolean wanted) {
        String expected = "a list of root directories, or {roots: [...], base: /absolute/dir}";
        Object roots = operand;
        Path base = Path.of("").toAbsolutePath();
        if (operand instanceof Map<?, ?>) {
            Map<?, ?> map = Operands.map(operand, operator, KEYS, expected);
            roots = map.get("roots");
            if (map.get("base") != null) {
                base = absoluteBase(operator, map.get("base"));
            }
        }
        PathResolver resolver = new PathResolver(base);
        List<Path> resolvedRoots = Operands.strings(roots, operator, expected).stream()
                .map(root -> resolveRoot(operator, resolver, root)).toList();
        return value -> {
            for (Path reading : resolver.resolve(PathResolver.text(value))) {
                if (!withinAny(reading, resolvedRoots)) {
                    return !wanted;
                }
            }
            return wanted;
        };
    }

    private static boolean withinAny(Path path, List<Path> roots) {
        for (Path root : roots) {
            if (path.startsWith(root)) { // component-wise: /data/reports2 does not start with /data/reports
                return true;
            }
        }
        return false;
    }

    private static Path absoluteBase(String operator, Object base) {
        try {
            if (base instanceof String text && !text.isEmpty() && text.indexOf('\0') < 0 && Path.of(text).isAbsolute()) {
                return Path.of(text).normalize();
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new IllegalArgumentException(operator + ": base must be an absolute directory path, got " + Operands.describe(base));
    }

    private static Path resolveRoot(String operator, PathResolver resolver, String root) {
        try {
            Path[] readings = resolver.resolve(PathResolver.text(root));
            return readings[readings.length - 1];
        } catch (EvaluationException e) {
            throw new IllegalArgumentException(operator + ": root " + Inputs.quoted(root) + " is not a usable path: " + e.getMessage());
        }
    }
}
