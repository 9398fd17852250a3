package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * Parses a SQL string into all of its statements with JSqlParser, under limits: at most
 * {@link #MAX_LENGTH} characters, parentheses nested at most {@link #MAX_NESTING} deep (checked by a cheap
 * scan before parsing), and at most {@link #TIMEOUT_MILLIS} of parsing; beyond any of them the SQL is an
 * evaluation error. JSqlParser runs the parse on an executor; ours is one shared pool of daemon threads
 * (JSqlParser's default would start and stop a thread per call).
 */
final class SqlParsing {

    static final int MAX_LENGTH = 100_000;
    static final long TIMEOUT_MILLIS = 2_000;
    static final int MAX_NESTING = 100;

    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "veto-sql-parser");
        thread.setDaemon(true);
        return thread;
    });

    private SqlParsing() {
    }

    /**
     * Where databases split the text into strings, comments and code differently, so that the parser (which
     * reads it as standard SQL) could see one harmless SELECT where the database runs a second statement; null
     * when there is no such place. Found anywhere in the text, inside a string too: such a value is denied, never
     * allowed on a guess.
     */
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$[A-Za-z_]?[A-Za-z0-9_]*\\$");

    static String readDifferentlyByDatabases(String sql) {
        for (int i = 0; i + 1 < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = sql.charAt(i + 1);
            if (c == '\\' && (next == '\'' || next == '"')) {
                return "has a backslash before a quote, which MySQL (and PostgreSQL in E'...' strings) reads as an"
                        + " escaped quote and standard SQL as the string's end";
            }
            if ((c == 'U' || c == 'u') && next == '&' && i + 2 < sql.length() && sql.charAt(i + 2) == '"') {
                return "has a Unicode-escaped name (U&\"...\"), which PostgreSQL decodes (U&\"\\0070g_sleep\" is"
                        + " pg_sleep) and MySQL reads as U & \"...\"";
            }
            if (c == '-' && next == '-' && i + 2 < sql.length() && !Character.isWhitespace(sql.charAt(i + 2))
                    && !Character.isISOControl(sql.charAt(i + 2))) {
                return "has '--' followed by '" + sql.charAt(i + 2) + "', which MySQL reads as two minus signs and"
                        + " other databases as a comment (write '-- ' for a comment)";
            }
        }
        if (DOLLAR_QUOTE.matcher(sql).find()) {
            return "has a dollar quote ($$ or $tag$), which PostgreSQL reads as a string and MySQL as a name";
        }
        for (int open = sql.indexOf("/*"); open >= 0; ) {
            int close = sql.indexOf("*/", open + 2);
            int inner = sql.indexOf("/*", open + 2);
            if (inner >= 0 && (close < 0 || inner < close)) {
                return "has a block comment inside a block comment, which PostgreSQL nests and MySQL ends at the"
                        + " first */";
            }
            open = close < 0 ? -1 : sql.indexOf("/*", close + 2);
        }
        return null;
    }

    static Statements parse(String sql) throws EvaluationException {
        return parse(sql, TIMEOUT_MILLIS);
    }

    static Statements parse(String sql, long timeoutMillis) throws EvaluationException {
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
        String disputed = readDifferentlyByDatabases(sql);
        if (disputed != null) {
            throw new EvaluationException("SQL " + disputed);
        }
        if (CCJSqlParserUtil.getNestingDepth(sql) > MAX_NESTING) {
            // Deep parentheses make the parser backtrack for seconds; no query a person writes needs them.
            throw new EvaluationException("SQL nests parentheses deeper than " + MAX_NESTING);
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql, PARSERS, parser -> parser
                    .withTimeOut(timeoutMillis)
                    .withUnsupportedStatements(false)
                    .withErrorRecovery(false));
        } catch (JSQLParserException e) {
            throw new EvaluationException("SQL does not parse: " + firstLine(e, timeoutMillis));
        } catch (RuntimeException | StackOverflowError e) {
            throw new EvaluationException("SQL could not be parsed: " + e.getClass().getSimpleName());
        }
        if (statements == null || statements.isEmpty()) {
            throw new EvaluationException("SQL holds no statement");
        }
        return statements;
    }

    private static String firstLine(Exception e, long timeoutMillis) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof java.util.concurrent.TimeoutException || message.contains("Time out")) {
            return "parsing took longer than " + timeoutMillis + " ms";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int exceptionName = line.indexOf("Exception: ");
        if (exceptionName >= 0) {
            line = line.substring(exceptionName + "Exception: ".length()); // the parser's words, not its class
        }
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
