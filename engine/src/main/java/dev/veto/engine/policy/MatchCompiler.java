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
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a condition's {@code match:} into an {@link Expression}: a map of path to matcher (all must
 * hold) with the combinators {@code any}, {@code all}, {@code not}. Matchers: a bare value (equality), a
 * comparison string ({@code "<= 200"}), a list (one of), or a map of operators (all must hold).
 */
final class MatchCompiler {

    /** The operators whose operands, like a bare value or a list, are compared with the value for equality. */
    private static final List<String> EQUALITY_OPERATORS = List.of("in", "not_in", "contains");

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
            refuseWordsReadAsBooleans(value);
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

    /**
     * YAML 1.1 reads plain yes, no, on and off (any case) as booleans. Where a value is compared for equality,
     * that is almost always a word meant as text ({@code [reboot, off]}, {@code in: [KP, NO]}), and a string
     * value never equals a boolean item: a deny on those words would never deny. Refused, with the fix.
     *
     * @throws NodeReader.BadNode at the first such word in the scalar or list
     */
    private static void refuseWordsReadAsBooleans(YamlNode node) {
        List<YamlNode> items = node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar scalar && scalar.tagged(YamlNode.BOOL)
                    && !scalar.value().equalsIgnoreCase("true") && !scalar.value().equalsIgnoreCase("false")) {
                String word = scalar.value();
                String bool = switch (word.toLowerCase(Locale.ROOT)) {
                    case "yes", "on" -> "true";
                    default -> "false";
                };
                throw new NodeReader.BadNode(scalar, "plain " + word + " is the boolean " + bool + " in YAML 1.1, expected '"
                        + word + "' in quotes for the text, or " + bool + " for the boolean");
            }
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
                if (EQUALITY_OPERATORS.contains(name)) {
                    refuseWordsReadAsBooleans(operandNode);
                }
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
