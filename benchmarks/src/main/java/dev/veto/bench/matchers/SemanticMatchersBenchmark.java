package dev.veto.bench.matchers;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.ValueMatcher;
import dev.veto.engine.match.semantic.SemanticOperators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one semantic operator costs on a governed call (issue 7): the value is parsed the way the tool
 * will use it on every call, so these are the operators' hot paths. The SQL rows include JSqlParser's
 * parse and its hand-off to the parser pool; the path row includes the file-system calls that resolve
 * symbolic links.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SemanticMatchersBenchmark {

    private ValueMatcher hostIn;
    private ValueMatcher ipPrivate;
    private ValueMatcher pathWithin;
    private ValueMatcher sqlSelectOnly;
    private ValueMatcher emailDomainIn;
    private ValueMatcher max;
    private ValueMatcher charset;
    private Path root;
    private String file;
    private String text;

    @Setup
    public void setUp() throws IOException {
        root = Files.createTempDirectory("veto-bench").toRealPath();
        Files.createDirectories(root.resolve("reports/2026"));
        file = root.resolve("reports/2026/q1.csv").toString();
        Files.writeString(Path.of(file), "q1");
        hostIn = SemanticOperators.all().get("host_in").compile(List.of("api.partner.example", "*.cdn.partner.example"));
        ipPrivate = SemanticOperators.all().get("ip_private").compile(true);
        pathWithin = SemanticOperators.all().get("path_within").compile(List.of(root.resolve("reports").toString()));
        sqlSelectOnly = SemanticOperators.all().get("sql").compile(Map.of("allow", List.of("SELECT")));
        emailDomainIn = SemanticOperators.all().get("email_domain_in").compile(List.of("customer.example"));
        max = SemanticOperators.all().get("max").compile(200);
        charset = SemanticOperators.all().get("charset").compile("no_control");
        text = "Your refund of 150.00 is on its way. ".repeat(6);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.delete(Path.of(file));
        Files.delete(root.resolve("reports/2026"));
        Files.delete(root.resolve("reports"));
        Files.delete(root);
    }

    @Benchmark
    public boolean hostInUrl() throws EvaluationException {
        return hostIn.matches("https://api.partner.example/v1/orders?id=7");
    }

    @Benchmark
    public boolean ipPrivateDecimalLiteral() throws EvaluationException {
        return ipPrivate.matches("http://2130706433/latest/meta-data/");
    }

    @Benchmark
    public boolean pathWithinExistingFile() throws EvaluationException {
        return pathWithin.matches(file);
    }

    @Benchmark
    public boolean sqlSelectWithWhere() throws EvaluationException {
        return sqlSelectOnly.matches("SELECT id, total FROM orders WHERE customer_id = 42");
    }

    @Benchmark
    public boolean sqlSelectThenDrop() throws EvaluationException {
        return sqlSelectOnly.matches("SELECT 1; DROP TABLE orders");
    }

    @Benchmark
    public boolean emailTwoRecipients() throws EvaluationException {
        return emailDomainIn.matches("\"Doe, Jane\" <jane@customer.example>, bob@customer.example");
    }

    @Benchmark
    public boolean maxNumericString() throws EvaluationException {
        return max.matches("200.01");
    }

    @Benchmark
    public boolean charsetNoControl222Chars() throws EvaluationException {
        return charset.matches(text);
    }
}
