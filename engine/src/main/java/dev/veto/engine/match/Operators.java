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

    private static final Operators STANDARD = new Operators(Map.of());

    /** Operators added with {@link #with}; they take precedence over the standard ones. */
    private final Map<String, OperatorCompiler> added;

    private Operators(Map<String, OperatorCompiler> added) {
        this.added = Collections.unmodifiableMap(added);
    }

    /**
     * Every operator the engine ships. Looked up by name when a policy names one, so loading a policy builds
     * (and loads the classes of) only the operators it uses: part of the agent's start-up.
     */
    public static Operators standard() {
        return STANDARD;
    }

    /** This registry plus one more operator (tests, embedders); an existing name is replaced. */
    public Operators with(String name, OperatorCompiler compiler) {
        Map<String, OperatorCompiler> copy = new LinkedHashMap<>(added);
        copy.put(name, compiler);
        return new Operators(copy);
    }

    /** The compiler for an operator, or null when no operator has that name. */
    public OperatorCompiler find(String name) {
        OperatorCompiler compiler = added.get(name);
        if (compiler == null) {
            compiler = CoreOperators.find(name); // before the semantic ones: a core name is never shadowed
        }
        return compiler != null ? compiler : SemanticOperators.find(name);
    }

    /** Every operator's name, sorted: what a load error lists as expected. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(CoreOperators.NAMES);
        names.addAll(SemanticOperators.NAMES);
        names.addAll(added.keySet());
        return names;
    }
}
