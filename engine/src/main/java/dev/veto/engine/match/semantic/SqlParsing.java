package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * Parses a SQL string into all of its statements with JSqlParser, under a time limit: pathological input
 * (deep nesting that makes the parser backtrack) costs at most {@link #TIMEOUT_MILLIS} and then is an
 * evaluation error. JSqlParser runs the parse on an executor; ours is one shared pool of daemon threads
 * (JSqlParser's default would start and stop a thread per call).
 */
final class SqlParsing {

    static final int MAX_LENGTH = 100_000;
    static final long TIMEOUT_MILLIS = 2_000;

    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "veto-sql-parser");
        thread.setDaemon(true);
        return thread;
    });

    private SqlParsing() {
    }

    static Statements parse(String sql) throws EvaluationException {
        if (sql.length() > MAX_LENGTH) {
            throw new EvaluationException("SQL longer than " + MAX_LENGTH + " characters is not parsed");
        }
        if (sql.indexOf('\0') >= 0) {
            throw new EvaluationException("SQL contains a NUL character");
        }
        if (sql.contains("/*!") || sql.contains("/*M!")) {
            // MySQL and MariaDB run the text of these "comments"; a parser that skips them would not see it.
            throw new EvaluationException("SQL contains a MySQL executable comment (/*! ... */)");
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql, PARSERS, parser -> parser
                    .withTimeOut(TIMEOUT_MILLIS)
                    .withUnsupportedStatements(false)
                    .withErrorRecovery(false));
        } catch (JSQLParserException e) {
            throw new EvaluationException("SQL does not parse: " + firstLine(e));
        } catch (RuntimeException | StackOverflowError e) {
            throw new EvaluationException("SQL could not be parsed: " + e.getClass().getSimpleName());
        }
        if (statements == null || statements.isEmpty()) {
            throw new EvaluationException("SQL holds no statement");
        }
        return statements;
    }

    private static String firstLine(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof java.util.concurrent.TimeoutException || message.contains("Time out")) {
            return "parsing took longer than " + TIMEOUT_MILLIS + " ms";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
