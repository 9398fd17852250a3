package dev.veto.engine.eval;

import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.limit.RateLimiter;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A policy ready for the hot path: the {@link ToolProgram} of each tool (its rules, their conditions
 * compiled together) found by one hash lookup in a flat table ({@link ToolTable}). Exact tool names are compiled up front (with the glob rules
 * that also match them, in file order); a name no exact rule mentions is matched against the few glob
 * rules once and its program remembered.
 */
public final class CompiledPolicy {

    /** Names looked up beyond this many are matched each time rather than remembered (bounded memory). */
    private static final int MAX_REMEMBERED_NAMES = 10_000;
    private static final CompiledRule[] NONE = new CompiledRule[0];

    private final Policy policy;
    private final Redactor redactor;
    private final List<CompiledRule> rules;
    private final ToolTable byExactName;
    private final CompiledRule[] globRules;
    private final Map<String, ToolProgram> otherNames = new ConcurrentHashMap<>();
    private final DiagramCell.Mode diagrams;

    private CompiledPolicy(Policy policy, List<CompiledRule> rules, DiagramCell.Mode diagrams, Redactor redactor) {
        this.policy = policy;
        this.diagrams = diagrams;
        this.redactor = redactor;
        this.rules = List.copyOf(rules);
        List<CompiledRule> globs = new ArrayList<>();
        Map<String, ToolProgram> index = new HashMap<>();
        for (CompiledRule rule : rules) {
            if (rule.rule().tool().isGlob()) {
                globs.add(rule);
            } else {
                index.put(rule.rule().tool().toString(), null);
            }
        }
        this.globRules = globs.toArray(NONE);
        index.replaceAll((name, none) -> program(name));
        this.byExactName = new ToolTable(index);
    }

    /**
     * Compiles a policy, keeping the limiters of {@code previous} for rules whose id and constraint are the
     * same (so counts carry over a reload).
     *
     * @param previous the policy being replaced, or null
     */
    public static CompiledPolicy compile(Policy policy, CompiledPolicy previous, LongSupplier nanoClock) {
        return compile(policy, previous, nanoClock, DiagramCell.MODE);
    }

    /** {@link #compile}, with decision diagrams built as {@code diagrams} says (tests compare the modes). */
    static CompiledPolicy compile(Policy policy, CompiledPolicy previous, LongSupplier nanoClock,
            DiagramCell.Mode diagrams) {
        Map<String, CompiledRule> before = new HashMap<>();
        if (previous != null) {
            for (CompiledRule rule : previous.rules) {
                before.put(rule.rule().id(), rule);
            }
        }
        List<CompiledRule> compiled = new ArrayList<>();
        Redactor redactor = Redactor.of(policy.redact());
        for (Rule rule : policy.rules()) {
            CompiledRule old = before.get(rule.id());
            RateLimiter rate = null;
            if (rule.rateLimit() != null) {
                rate = old != null && old.rateLimiter() != null && Objects.equals(old.rule().rateLimit(), rule.rateLimit())
                        ? old.rateLimiter()
                        : new RateLimiter(rule.rateLimit().limit().wholeAmount(), rule.rateLimit().limit().window(), nanoClock);
            }
            BudgetLimiter budget = null;
            if (rule.budget() != null) {
                budget = old != null && old.budgetLimiter() != null && Objects.equals(old.rule().budget(), rule.budget())
                        ? old.budgetLimiter()
                        : new BudgetLimiter(rule.budget().limit().amount(), rule.budget().limit().window(), nanoClock);
            }
            compiled.add(CompiledRule.of(rule, rate, budget, redactor));
        }
        return new CompiledPolicy(policy, compiled, diagrams, redactor);
    }

    public Policy policy() {
        return policy;
    }

    /** Masks the policy's {@code redact:} paths for the decision log and reviewers. */
    public Redactor redactor() {
        return redactor;
    }

    /** The rules whose {@code tool} matches, in file order. */
    CompiledRule[] rulesFor(String tool) {
        return programFor(tool).rules();
    }

    /** What the hot path runs for a call to this tool. */
    ToolProgram programFor(String tool) {
        ToolProgram found = byExactName.get(tool);
        if (found != null) {
            return found;
        }
        found = otherNames.get(tool);
        if (found == null) {
            found = program(tool);
            if (otherNames.size() < MAX_REMEMBERED_NAMES) {
                otherNames.put(tool, found);
            }
        }
        return found;
    }

    private ToolProgram program(String tool) {
        return ToolProgram.of(tool, scan(tool), policy, diagrams);
    }

    private CompiledRule[] scan(String tool) {
        List<CompiledRule> matching = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.rule().tool().matches(tool)) {
                matching.add(rule);
            }
        }
        return matching.toArray(NONE);
    }
}
