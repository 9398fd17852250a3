package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.Map;
import net.sf.jsqlparser.statement.Block;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.DeclareStatement;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.IfElseStatement;
import net.sf.jsqlparser.statement.PurgeStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SessionStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.export.Export;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.imprt.Import;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertBulk;
import net.sf.jsqlparser.statement.lock.LockStatement;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import static dev.veto.engine.match.semantic.SqlKind.*;

/** Which {@link SqlKind} a parsed JSqlParser statement is: loaded with the parser, on the first evaluation. */
final class SqlStatementKinds {

    private SqlStatementKinds() {
    }

    private static final Map<Class<?>, SqlKind> BY_CLASS = Map.ofEntries(
            Map.entry(Insert.class, INSERT), Map.entry(InsertBulk.class, INSERT),
            Map.entry(Update.class, UPDATE), Map.entry(Delete.class, DELETE), Map.entry(Merge.class, MERGE),
            Map.entry(Upsert.class, UPSERT), Map.entry(Truncate.class, TRUNCATE), Map.entry(Drop.class, DROP),
            Map.entry(RenameTableStatement.class, RENAME), Map.entry(AlterView.class, ALTER),
            Map.entry(Grant.class, GRANT), Map.entry(Revoke.class, REVOKE), Map.entry(Execute.class, EXECUTE),
            Map.entry(SetStatement.class, SET), Map.entry(ResetStatement.class, RESET),
            Map.entry(SessionStatement.class, SET), Map.entry(UseStatement.class, USE),
            Map.entry(ShowStatement.class, SHOW), Map.entry(ShowColumnsStatement.class, SHOW),
            Map.entry(ShowTablesStatement.class, SHOW), Map.entry(ShowIndexStatement.class, SHOW),
            Map.entry(DescribeStatement.class, DESCRIBE), Map.entry(ExplainStatement.class, EXPLAIN),
            Map.entry(Comment.class, COMMENT), Map.entry(Commit.class, TRANSACTION),
            Map.entry(RollbackStatement.class, TRANSACTION), Map.entry(SavepointStatement.class, TRANSACTION),
            Map.entry(Block.class, BLOCK), Map.entry(IfElseStatement.class, BLOCK),
            Map.entry(DeclareStatement.class, DECLARE), Map.entry(LockStatement.class, LOCK),
            Map.entry(Analyze.class, ANALYZE), Map.entry(PurgeStatement.class, PURGE),
            Map.entry(RefreshMaterializedViewStatement.class, REFRESH),
            Map.entry(Import.class, IMPORT), Map.entry(Export.class, EXPORT),
            Map.entry(CreateFunctionalStatement.class, CREATE));

    /** The statement's own kind (nested statements are found by {@link SqlStatements}). */
    static SqlKind of(Statement statement) throws EvaluationException {
        if (statement instanceof Select) {
            return SELECT; // refined to SELECT_INTO by SqlStatements when it writes
        }
        SqlKind kind = BY_CLASS.get(statement.getClass());
        if (kind != null) {
            return kind;
        }
        // CREATE TABLE/VIEW/INDEX/..., ALTER TABLE/SEQUENCE/... live in packages of their own, one class each.
        String name = statement.getClass().getSimpleName();
        if (name.startsWith("Create")) {
            return CREATE;
        }
        if (name.startsWith("Alter")) {
            return ALTER;
        }
        throw new EvaluationException("SQL statement of type " + name + " is not one this matcher classifies");
    }
}
