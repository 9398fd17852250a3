package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Block;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.IfElseStatement;
import net.sf.jsqlparser.statement.StatementFeatureVisitor;
import net.sf.jsqlparser.statement.StatementFeatures;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * What one parsed top-level statement does: every kind it is or contains (a data-modifying CTE, the
 * statements of a BEGIN ... END block or an IF, the statement under EXPLAIN, a SELECT ... INTO, the
 * UPDATE of an INSERT ... ON CONFLICT DO UPDATE / ON DUPLICATE KEY UPDATE), the
 * DELETE / UPDATE statements in it that have no WHERE, and the functions it calls.
 */
record SqlStatements(Set<SqlKind> kinds, Set<SqlKind> withoutWhere, Set<String> functions) {

    private static final Set<SqlKind> READ_ONLY = EnumSet.of(SqlKind.SELECT, SqlKind.SHOW, SqlKind.DESCRIBE);

    static SqlStatements analyse(Statement statement) throws EvaluationException {
        try {
            return analyseParsed(statement);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser library's tree walk failing is no reason to allow: refuse, saying what failed.
            throw new EvaluationException("SQL statement could not be analysed: " + e.getClass().getSimpleName());
        }
    }

    private static SqlStatements analyseParsed(Statement statement) throws EvaluationException {
        Set<SqlKind> kinds = EnumSet.noneOf(SqlKind.class);
        Set<SqlKind> withoutWhere = EnumSet.noneOf(SqlKind.class);
        collect(statement, kinds, withoutWhere, 0);
        StatementFeatures features = StatementFeatureVisitor.analyse(statement);
        boolean writes = features.modifiesData() || features.modifiesSchema();
        if (writes && READ_ONLY.containsAll(kinds)) {
            // The feature analysis walks every expression and subquery; we found no writer it did: refuse.
            throw new EvaluationException("SQL statement modifies data in a way this matcher cannot name");
        }
        return new SqlStatements(kinds, withoutWhere, functionNames(features.getUnresolvedReferences()));
    }

    /**
     * Every name the SQL text puts right before an opening parenthesis, as {@link #functionNames} reads names:
     * each call, wherever it sits. The parser's own feature walk misses calls in some places (a LIMIT or OFFSET
     * subquery, the arguments of SUBSTRING(... FROM ...), ROWS FROM (...)); the token stream misses none, and
     * skips comments and string literals as the database does. A name that is not a call (a table's column
     * list) can only make {@code deny_functions} refuse more.
     */
    static Set<String> namesBeforeParentheses(String sql) throws EvaluationException {
        List<String> names = new ArrayList<>();
        try {
            CCJSqlParserTokenManager tokens = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(sql)));
            Token previous = null;
            for (Token token = tokens.getNextToken(); token.kind != CCJSqlParserConstants.EOF; token = tokens.getNextToken()) {
                if (previous != null && previous.image != null && "(".equals(token.image)) {
                    names.add(previous.image);
                }
                previous = token;
            }
        } catch (RuntimeException | Error e) {
            throw new EvaluationException("SQL could not be read token by token: " + e.getClass().getSimpleName());
        }
        return functionNames(names);
    }

    /**
     * The called functions as {@code deny_functions} reads them: each name without its quotes, lower-cased,
     * whole and as its last part, since {@code pg_catalog.pg_read_file(...)}, {@code "pg_sleep"(...)} and
     * {@code `pg_sleep`(...)} call the functions their last part names (the parser reports them as written).
     */
    static Set<String> functionNames(Collection<String> references) {
        Set<String> names = new HashSet<>();
        for (String reference : references) {
            String plain = reference.replace("\"", "").replace("`", "").replace("[", "").replace("]", "")
                    .toLowerCase(Locale.ROOT);
            names.add(plain);
            names.add(plain.substring(plain.lastIndexOf('.') + 1));
        }
        return names;
    }

    private static void collect(Statement statement, Set<SqlKind> kinds, Set<SqlKind> withoutWhere, int depth)
            throws EvaluationException {
        if (statement == null) {
            return;
        }
        if (depth > 32) {
            throw new EvaluationException("SQL statements nested too deeply to judge");
        }
        SqlKind kind = SqlStatementKinds.of(statement);
        if (kind == SqlKind.SELECT && writesRows((Select) statement)) {
            kind = SqlKind.SELECT_INTO;
        }
        if (depth == 0 || kind != SqlKind.SELECT) {
            kinds.add(kind); // a nested query that only reads is part of its statement, not a kind of its own
        }
        if (statement instanceof Delete delete) {
            withItems(delete.getWithItemsList(), kinds, withoutWhere, depth);
            if (delete.getWhere() == null) {
                withoutWhere.add(SqlKind.DELETE);
            }
        } else if (statement instanceof Update update) {
            withItems(update.getWithItemsList(), kinds, withoutWhere, depth);
            if (update.getWhere() == null) {
                withoutWhere.add(SqlKind.UPDATE);
            }
        } else if (statement instanceof Insert insert) {
            withItems(insert.getWithItemsList(), kinds, withoutWhere, depth);
            if (updatesOnConflict(insert)) {
                kinds.add(SqlKind.UPDATE); // ON CONFLICT DO UPDATE / ON DUPLICATE KEY UPDATE change existing rows
            }
            collect(insert.getSelect(), kinds, withoutWhere, depth + 1);
        } else if (statement instanceof Merge merge) {
            withItems(merge.getWithItemsList(), kinds, withoutWhere, depth);
        } else if (statement instanceof Select select) {
            withItems(select.getWithItemsList(), kinds, withoutWhere, depth);
            if (select instanceof ParenthesedSelect parenthesed) {
                collect(parenthesed.getSelect(), kinds, withoutWhere, depth + 1);
            } else if (select instanceof SetOperationList union) {
                for (Select member : union.getSelects()) {
                    collect(member, kinds, withoutWhere, depth + 1);
                }
            }
        } else if (statement instanceof Block block && block.getStatements() != null) {
            for (Statement inner : block.getStatements()) {
                collect(inner, kinds, withoutWhere, depth + 1);
            }
        } else if (statement instanceof IfElseStatement ifElse) {
            collect(ifElse.getIfStatement(), kinds, withoutWhere, depth + 1);
            collect(ifElse.getElseStatement(), kinds, withoutWhere, depth + 1);
        } else if (statement instanceof ExplainStatement explain) {
            collect(explain.getStatement(), kinds, withoutWhere, depth + 1); // EXPLAIN ANALYZE runs it
        }
    }

    private static void withItems(List<WithItem<?>> items, Set<SqlKind> kinds, Set<SqlKind> withoutWhere, int depth)
            throws EvaluationException {
        if (items == null) {
            return;
        }
        for (WithItem<?> item : items) {
            // WithItem's typed getters cast blindly; the statement's own class says what it is.
            Object body = item.getParenthesedStatement();
            if (body instanceof ParenthesedInsert insert) {
                collect(insert.getInsert(), kinds, withoutWhere, depth + 1);
            } else if (body instanceof ParenthesedUpdate update) {
                collect(update.getUpdate(), kinds, withoutWhere, depth + 1);
            } else if (body instanceof ParenthesedDelete delete) {
                collect(delete.getDelete(), kinds, withoutWhere, depth + 1);
            } else if (body instanceof Statement statement) {
                collect(statement, kinds, withoutWhere, depth + 1);
            } else if (body != null) {
                throw new EvaluationException("SQL has a WITH item of an unknown form");
            }
        }
    }

    private static boolean updatesOnConflict(Insert insert) {
        boolean duplicateUpdate = insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty();
        boolean duplicateAction = insert.getDuplicateAction() != null
                && insert.getDuplicateAction().getConflictActionType() == ConflictActionType.DO_UPDATE;
        boolean conflictAction = insert.getConflictAction() != null
                && insert.getConflictAction().getConflictActionType() == ConflictActionType.DO_UPDATE;
        return duplicateUpdate || duplicateAction || conflictAction;
    }

    /** SELECT ... INTO table / temp table, and MySQL's SELECT ... INTO OUTFILE / DUMPFILE / @variable. */
    private static boolean writesRows(Select select) {
        return select instanceof PlainSelect plain
                && ((plain.getIntoTables() != null && !plain.getIntoTables().isEmpty())
                    || plain.getIntoTempTable() != null
                    || plain.getMySqlSelectIntoClause() != null);
    }
}
