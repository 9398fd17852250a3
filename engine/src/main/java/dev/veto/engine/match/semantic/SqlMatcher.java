package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.ValueMatcher;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * {@code sql: {allow: [SELECT], deny: [DROP, TRUNCATE, ALTER, GRANT], require_where: [DELETE, UPDATE],
 * deny_functions: [pg_read_file], max_statements: 1}}: matches when every statement in the string (all of
 * them, as the database would run them) is acceptable:
 * <ul>
 * <li>{@code allow}: every kind of every statement is listed;</li>
 * <li>{@code deny}: no kind of any statement is listed;</li>
 * <li>{@code require_where}: every DELETE / UPDATE listed has a WHERE clause (any WHERE: this stops the
 *     whole-table accident, not a determined {@code WHERE 1=1});</li>
 * <li>{@code deny_functions}: no statement calls one of these functions (case-insensitive);</li>
 * <li>{@code max_statements}: at most this many statements.</li>
 * </ul>
 * A statement's kinds are its own plus those of the writers nested in it ({@link SqlStatements}). SQL that
 * does not parse (or uses executable comments, or is too long, too deep or too slow to parse) is an
 * evaluation error.
 */
final class SqlMatcher implements ValueMatcher {

    private static final Set<String> KEYS = Set.of("allow", "deny", "require_where", "deny_functions", "max_statements");
    private static final String EXPECTED = "a map such as {allow: [SELECT]} or {deny: [DROP, TRUNCATE], require_where: [DELETE, UPDATE]}";

    private final Set<SqlKind> allow;
    private final Set<SqlKind> deny;
    private final Set<SqlKind> requireWhere;
    private final Set<String> denyFunctions;
    private final int maxStatements;

    private SqlMatcher(Set<SqlKind> allow, Set<SqlKind> deny, Set<SqlKind> requireWhere, Set<String> denyFunctions,
                       int maxStatements) {
        this.allow = allow;
        this.deny = deny;
        this.requireWhere = requireWhere;
        this.denyFunctions = denyFunctions;
        this.maxStatements = maxStatements;
    }

    static SqlMatcher compile(Object operand) {
        Map<?, ?> map = Operands.map(operand, "sql", KEYS, EXPECTED);
        Set<SqlKind> allow = map.containsKey("allow") ? kinds(map.get("allow"), "allow") : null;
        Set<SqlKind> deny = map.containsKey("deny") ? kinds(map.get("deny"), "deny") : EnumSet.noneOf(SqlKind.class);
        Set<SqlKind> requireWhere = map.containsKey("require_where")
                ? kinds(map.get("require_where"), "require_where") : EnumSet.noneOf(SqlKind.class);
        if (!EnumSet.of(SqlKind.DELETE, SqlKind.UPDATE).containsAll(requireWhere)) {
            throw new IllegalArgumentException("sql: require_where accepts DELETE and UPDATE, got " + requireWhere);
        }
        Set<String> denyFunctions = map.containsKey("deny_functions")
                ? Operands.strings(map.get("deny_functions"), "sql deny_functions", "a list of function names")
                        .stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        int maxStatements = Integer.MAX_VALUE;
        if (map.containsKey("max_statements")) {
            Integer max = Operands.wholeNumber(map.get("max_statements"));
            if (max == null || max < 1) {
                throw new IllegalArgumentException("sql: max_statements expects a positive whole number, got "
                        + Operands.describe(map.get("max_statements")));
            }
            maxStatements = max;
        }
        return new SqlMatcher(allow, deny, requireWhere, denyFunctions, maxStatements);
    }

    private static Set<SqlKind> kinds(Object operand, String key) {
        List<String> names = Operands.strings(operand, "sql " + key, "a list of statement kinds such as [SELECT]");
        Set<SqlKind> kinds = EnumSet.noneOf(SqlKind.class);
        for (String name : names) {
            try {
                kinds.add(SqlKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sql " + key + ": unknown statement kind '" + name + "', expected one of "
                        + EnumSet.allOf(SqlKind.class));
            }
        }
        return kinds;
    }

    @Override
    public boolean matches(Object value) throws EvaluationException {
        String sql = Inputs.text(value, "SQL text (a String)");
        Statements statements = SqlParsing.parse(sql);
        if (statements.size() > maxStatements) {
            return false;
        }
        if (!denyFunctions.isEmpty() && intersects(denyFunctions, SqlStatements.namesBeforeParentheses(sql))) {
            return false; // a call the statements' own analysis below may not see
        }
        for (Statement statement : statements) {
            SqlStatements analysed = SqlStatements.analyse(statement);
            if ((allow != null && !allow.containsAll(analysed.kinds()))
                    || intersects(deny, analysed.kinds())
                    || intersects(requireWhere, analysed.withoutWhere())
                    || intersects(denyFunctions, analysed.functions())) {
                return false;
            }
        }
        return true;
    }

    private static <T> boolean intersects(Set<T> a, Collection<T> b) {
        for (T item : b) {
            if (a.contains(item)) {
                return true;
            }
        }
        return false;
    }
}
