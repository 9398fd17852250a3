package dev.veto.engine.match;

import dev.veto.engine.match.semantic.SemanticOperators;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operators a policy may name in an operator map ({@code arguments.query: {regex: ...}}), by name.
 * The core operators come from {@link CoreOperators}; the semantic ones (paths, URLs, SQL, e-mail, number
 * and string shapes) from {@link SemanticOperators}. Where both define a
 * name, the core operator is kept, so the policy reference stays true.
 *
 * <p>The comparison strings ({@code "<= 200"}), bare values and lists are not operators: they are the
 * shorthand forms the policy loader reads before it looks an operator up here.
 */
public final class Operators {

    private static final Operators STANDARD = new Operators(standardMap());

    private final Map<String, OperatorCompiler> byName;

    private Operators(Map<String, OperatorCompiler> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Every operator the engine ships. */
    public static Operators standard() {
        return STANDARD;
    }

    /** This registry plus one more operator (tests, embedders); an existing name is replaced. */
    public Operators with(String name, OperatorCompiler compiler) {
        Map<String, OperatorCompiler> copy = new LinkedHashMap<>(byName);
        copy.put(name, compiler);
        return new Operators(copy);
    }

    /** The compiler for an operator, or null when no operator has that name. */
    public OperatorCompiler find(String name) {
        return byName.get(name);
    }

    /** Every operator's name, sorted: what a load error lists as expected. */
    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    private static Map<String, OperatorCompiler> standardMap() {
        Map<String, OperatorCompiler> ops = new LinkedHashMap<>(semanticOperators());
        ops.putAll(CoreOperators.all());
        return ops;
    }

    /** Issue 7's operators that understand their values (paths, URLs, SQL, e-mail, numbers, charsets). */
    private static Map<String, OperatorCompiler> semanticOperators() {
        return SemanticOperators.all();
    }
}
