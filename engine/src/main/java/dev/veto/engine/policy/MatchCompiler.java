package dev.veto.engine.policy;

import dev.veto.engine.match.Comparison;
import dev.veto.engine.match.Expression;
import dev.veto.engine.match.Literal;
import dev.veto.engine.match.OneOf;
import dev.veto.engine.match.OperatorCompiler;
import dev.veto.engine.match.Operators;
import dev.veto.engine.match.PathCheck;
import dev.veto.engine.match.ValueMatcher;
import dev.veto.engine.match.ValuePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a condition's {@code match:} into an {@link Expression}: a map of path to matcher (all must
 * hold) with the combinators {@code any}, {@code all}, {@code not}. Matchers: a bare value (equality), a
 * comparison string ({@code "<= 200"}), a list (one of), or a map of operators (all must hold).
 */
final class MatchCompiler {

    private final NodeReader reader;
    private final Operators operators;
    /** One instance per path text, so that a call resolves each path once (see CallValues). */
    private final Map<String, ValuePath> paths = new HashMap<>();

    MatchCompiler(NodeReader reader, Operators operators) {
        this.reader = reader;
        this.operators = operators;
    }

    /** @return the expression, or null after recording problems */
    Expression compile(YamlNode matchNode) {
        Map<String, NodeReader.Entry> entries = reader.mapping(matchNode, "a match", null);
        if (entries == null) {
            return null;
        }
        List<Expression> members = new ArrayList<>();
        boolean ok = true;
        for (Map.Entry<String, NodeReader.Entry> entry : entries.entrySet()) {
            Expression member = member(entry.getKey(), entry.getValue());
            if (member == null) {
                ok = false;
            } else {
                members.add(member);
            }
        }
        return !ok ? null : members.size() == 1 ? members.get(0) : new Expression.All(members.toArray(new Expression[0]));
    }

    private Expression member(String key, NodeReader.Entry entry) {
        switch (key) {
            case "any":
            case "all": {
                List<Expression> members = list(key, entry.value());
                if (members == null) {
                    return null;
                }
                Expression[] array = members.toArray(new Expression[0]);
                return key.equals("any") ? new Expression.Any(array) : new Expression.All(array);
            }
            case "not": {
                Expression inner = compile(entry.value());
                return inner == null ? null : new Expression.Not(inner);
            }
            default:
                return pathMatcher(key, entry);
        }
    }

    private List<Expression> list(String key, YamlNode node) {
        List<YamlNode> items = reader.sequence(node, "'" + key + "'");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            reader.problem(node, "'" + key + "' is empty, expected a list of one or more matches");
            return null;
        }
        List<Expression> members = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : items) {
            Expression member = compile(item);
            ok &= member != null;
            members.add(member);
        }
        return ok ? members : null;
    }

    private Expression pathMatcher(String key, NodeReader.Entry entry) {
        ValuePath path;
        try {
            path = paths.computeIfAbsent(key, ValuePath::parse);
        } catch (IllegalArgumentException e) {
            reader.problem(entry.key(), e.getMessage() + ", or one of any, all, not");
            return null;
        }
        YamlNode value = entry.value();
        try {
            if (value instanceof YamlNode.Mapping) {
                return operatorMap(path, value);
            }
            if (value instanceof YamlNode.Sequence) {
                Object operand = reader.plain(value);
                return new PathCheck(path, "one_of", String.valueOf(operand), OneOf.compile(operand));
            }
            Object operand = reader.plain(value);
            if (operand instanceof String text && Comparison.operatorOf(text) != null) {
                Comparison comparison = Comparison.parse(text);
                return new PathCheck(path, comparison.operator(), text, comparison);
            }
            Literal literal = Literal.of(operand);
            return new PathCheck(path, "equals", literal.toString(), literal);
        } catch (IllegalArgumentException e) {
            reader.problem(NodeReader.BadNode.where(e, value), "matcher for " + path + ": " + e.getMessage());
            return null;
        }
    }

    private Expression operatorMap(ValuePath path, YamlNode value) {
        Map<String, NodeReader.Entry> ops = reader.mapping(value, "the operators of " + path, null);
        if (ops == null) {
            return null;
        }
        if (ops.isEmpty()) {
            reader.problem(value, "no operator given for " + path + ", expected one of: " + String.join(", ", operators.names()));
            return null;
        }
        List<Expression> checks = new ArrayList<>();
        boolean ok = true;
        for (Map.Entry<String, NodeReader.Entry> op : ops.entrySet()) {
            String name = op.getKey();
            OperatorCompiler compiler = operators.find(name);
            if (compiler == null) {
                reader.problem(op.getValue().key(), "unknown operator '" + name + "' for " + path
                        + Suggestions.didYouMean(name, operators.names())
                        + ", expected one of: " + String.join(", ", operators.names()));
                ok = false;
                continue;
            }
            YamlNode operandNode = op.getValue().value();
            try {
                Object operand = reader.plain(operandNode);
                ValueMatcher matcher = compiler.compile(operand);
                if (matcher == null) {
                    throw new IllegalArgumentException("operator compiled to nothing");
                }
                checks.add(new PathCheck(path, name, String.valueOf(operand), matcher));
            } catch (RuntimeException e) {
                reader.problem(NodeReader.BadNode.where(e, operandNode), "operator '" + name + "' for " + path + ": " + e.getMessage());
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return checks.size() == 1 ? checks.get(0) : new Expression.All(checks.toArray(new Expression[0]));
    }
}
