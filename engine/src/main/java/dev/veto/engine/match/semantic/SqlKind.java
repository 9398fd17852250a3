package dev.veto.engine.match.semantic;

/**
 * The kinds of statement a policy names in {@code sql: {allow: [...], deny: [...]}}. {@code SELECT} is a
 * query that only reads; a SELECT that writes ({@code SELECT ... INTO}, {@code INTO OUTFILE}) is
 * {@code SELECT_INTO}. {@code CREATE} and {@code ALTER} cover every CREATE ... and ALTER ... statement.
 *
 * <p>This enum names no parser class, so compiling a policy that uses {@code sql:} loads none of JSqlParser;
 * {@link SqlStatementKinds} maps parsed statements to kinds on the first evaluation.
 */
enum SqlKind {
    SELECT, SELECT_INTO, INSERT, UPDATE, DELETE, MERGE, UPSERT, TRUNCATE, DROP, CREATE, ALTER, RENAME,
    GRANT, REVOKE, EXECUTE, SET, RESET, USE, SHOW, DESCRIBE, EXPLAIN, COMMENT, TRANSACTION, BLOCK, DECLARE,
    LOCK, ANALYZE, PURGE, REFRESH, IMPORT, EXPORT
}
