package dev.veto.engine.policy;

import dev.veto.engine.Action;
import dev.veto.engine.limit.LimitSpec;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.match.Expression;
import dev.veto.engine.match.Operators;
import dev.veto.engine.match.ValuePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a policy file into a validated {@link Policy}, refusing anything it does not understand with
 * {@code file:line:col: what is wrong, what was expected}: unknown keys, actions, operators; bad paths,
 * rate limits, durations, regexes; wrong types. Every problem in the file is reported, not only the first.
 */
public final class PolicyLoader {

    private static final List<String> TOP_KEYS =
            List.of("name", "project", "mode", "default_action", "redact", "rules", "instrument");
    private static final List<String> RULE_KEYS =
            List.of("id", "tool", "action", "reason", "approval", "constraints", "conditions");
    private static final List<String> CONDITION_KEYS = List.of("match", "action", "reason", "approval");
    private static final List<String> APPROVAL_KEYS = List.of("channel", "timeout", "escalation");
    private static final List<String> CONSTRAINT_KEYS = List.of("rate_limit", "budget");
    private static final List<String> RATE_LIMIT_KEYS = List.of("limit", "per");
    private static final List<String> BUDGET_KEYS = List.of("sum", "limit", "per");
    private static final List<String> INSTRUMENT_KEYS =
            List.of("class", "subtypes_of", "method", "parameter_types", "tool", "parameters");
    private static final List<String> MODES = List.of("enforce", "shadow");
    private static final List<String> ACTIONS = List.of("allow", "deny", "require_approval");
    private static final List<String> ESCALATIONS = List.of("deny", "allow");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private final Operators operators;
    /** A policy already loaded from {@link #loadedFile}, which the next load of that file returns; taken once. */
    private final Path loadedFile;
    private final AtomicReference<Policy> loaded;

    public PolicyLoader(Operators operators) {
        this(operators, null, null);
    }

    private PolicyLoader(Operators operators, Path loadedFile, Policy loaded) {
        this.operators = operators;
        this.loadedFile = loadedFile;
        this.loaded = new AtomicReference<>(loaded);
    }

    /** A loader with every operator the engine ships. */
    public static PolicyLoader standard() {
        return new PolicyLoader(Operators.standard());
    }

    /**
     * This loader, except that its next {@link #load} of {@code file} returns {@code policy}, which the caller
     * loaded from that file a moment ago; later loads read the file again. The agent reads its policy this
     * way ahead of the rest of the engine's start-up, on a thread where nothing else is ready yet.
     */
    public PolicyLoader withLoaded(Path file, Policy policy) {
        return new PolicyLoader(operators, Objects.requireNonNull(file, "file"), Objects.requireNonNull(policy, "policy"));
    }

    /** Reads and validates a policy file; problems carry the path as given. */
    public Policy load(Path file) throws PolicyException {
        if (file.equals(loadedFile)) {
            Policy ahead = loaded.getAndSet(null);
            if (ahead != null) {
                return ahead;
            }
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new PolicyException(notUtf8(file));
        } catch (IOException | RuntimeException e) {
            throw new PolicyException(new PolicyProblem(file.toString(), 0, 0,
                    "cannot read the policy file: " + e + ", expected a readable UTF-8 YAML file"));
        }
        return parse(text, file.toString());
    }

    /** Where the first byte that is not UTF-8 is, and which byte it is. */
    private static PolicyProblem notUtf8(Path file) {
        String what = "the file is not UTF-8, expected a UTF-8 YAML file (save it as UTF-8)";
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            if (decoder.decode(in, out, true).isError()) {
                int at = in.position();
                Place place = Place.endOf(new String(bytes, 0, at, StandardCharsets.UTF_8)); // valid up to the bad byte
                return new PolicyProblem(file.toString(), place.line(), place.column(), String.format("the file is not UTF-8: byte 0x%02X"
                        + " cannot start or continue a character here, expected a UTF-8 YAML file (save it as UTF-8)", bytes[at]));
            }
        } catch (IOException | RuntimeException e) {
            // then without a place
        }
        return new PolicyProblem(file.toString(), 0, 0, what);
    }

    /**
     * Reads and validates policy text.
     *
     * @param source how problems name the text (a path, or a label such as {@code <string>})
     */
    public Policy parse(String text, String source) throws PolicyException {
        NodeReader reader = new NodeReader(source);
        YamlNode root = compose(text, reader);
        if (root == null) {
            throw new PolicyException(reader.problems());
        }
        Policy policy = new Reading(reader, operators, text).policy(root);
        if (!reader.problems().isEmpty()) {
            throw new PolicyException(reader.problems());
        }
        return policy;
    }

    /**
     * The {@code instrument:} entries of a policy file, read even when the rest of the file does not load:
     * they say which methods are governed, so that the agent can weave them and deny their calls like every
     * other governed call while the policy is broken, rather than leave them unguarded. Entries that name no
     * class or no method select nothing and are left out; empty when the file cannot be read or is not YAML.
     */
    public List<InstrumentEntry> instrumentEntriesOf(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            NodeReader reader = new NodeReader(file.toString());
            YamlNode root = compose(text, reader);
            Policy policy = root == null ? null : new Reading(reader, operators, text).policy(root);
            if (policy == null) {
                return List.of();
            }
            return policy.instrument().stream()
                    .filter(entry -> entry.method() != null && (entry.classPattern() != null || entry.subtypesOf() != null))
                    .toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static YamlNode compose(String text, NodeReader reader) {
        try {
            YamlNode root = YamlComposer.compose(text);
            if (root == null) {
                reader.problems().add(new PolicyProblem(reader.source(), 1, 1,
                        "the policy is empty, expected a map with name, rules, ..."));
            }
            return root;
        } catch (YamlComposer.Unreadable e) {
            reader.problems().add(new PolicyProblem(reader.source(), e.line(), e.column(), "not valid YAML: " + e.getMessage()));
            return null;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String hint = "while scanning a block scalar".equals(e.getContext())
                    ? "; a value that starts with > or | is a YAML block scalar, expected a comparison in quotes such as \">= 200\""
                    : "";
            reader.problems().add(new PolicyProblem(reader.source(), line, column,
                    "not valid YAML: " + e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")") + hint));
            return null;
        } catch (RuntimeException e) {
            int limit = new LoaderOptions().getCodePointLimit();
            if (String.valueOf(e.getMessage()).startsWith("The incoming YAML document exceeds the limit")
                    && text.codePointCount(0, text.length()) > limit) {
                Place place = Place.endOf(text.substring(0, text.offsetByCodePoints(0, limit)));
                reader.problems().add(new PolicyProblem(reader.source(), place.line(), place.column(),
                        "the policy is longer than " + limit + " characters, the most the loader reads, expected a smaller"
                                + " policy (this is where the limit falls)"));
                return null;
            }
            reader.problems().add(new PolicyProblem(reader.source(), 0, 0, "not valid YAML: " + e.getMessage()));
            return null;
        }
    }

    /** A line and column (from 1, the column in characters) in a policy's text. */
    private record Place(int line, int column) {

        /** Where the character after {@code before} stands. */
        static Place endOf(String before) {
            int lineStart = before.lastIndexOf('\n') + 1;
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            return new Place(line, before.codePointCount(lineStart, before.length()) + 1);
        }
    }

    /** SHA-256 of the text, hex: the policy's identity in the decision log. */
    public static String contentHash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One reading of one file. */
    private static final class Reading {
        private final NodeReader reader;
        private final MatchCompiler matches;
        private final String text;

        Reading(NodeReader reader, Operators operators, String text) {
            this.reader = reader;
            this.matches = new MatchCompiler(reader, operators);
            this.text = text;
        }

        Policy policy(YamlNode root) {
            Map<String, NodeReader.Entry> top = reader.mapping(root, "the policy", TOP_KEYS);
            if (top == null) {
                return null;
            }
            String name = top.containsKey("name") ? reader.name(top.get("name").value(), "name") : "policy";
            String project = top.containsKey("project") ? reader.text(top.get("project").value(), "project") : null;
            Mode mode = Mode.ENFORCE;
            if (top.containsKey("mode")) {
                String word = reader.word(top.get("mode").value(), "mode", MODES);
                mode = "shadow".equals(word) ? Mode.SHADOW : Mode.ENFORCE;
            }
            Action defaultAction = top.containsKey("default_action")
                    ? action(top.get("default_action").value(), "default_action") : Action.DENY;
            List<String> redact = top.containsKey("redact") ? redact(top.get("redact").value()) : List.of();
            List<Rule> rules = top.containsKey("rules") ? rules(top.get("rules").value()) : List.of();
            List<InstrumentEntry> instrument =
                    top.containsKey("instrument") ? instrument(top.get("instrument").value()) : List.of();
            return new Policy(reader.source(), ContentHash.of(text), name, project, mode,
                    defaultAction == null ? Action.DENY : defaultAction, ApprovalSpec.DEFAULT,
                    redact, rules, instrument);
        }

        private List<String> redact(YamlNode node) {
            List<String> paths = reader.textList(node, "redact");
            if (paths == null) {
                return List.of();
            }
            List<YamlNode> items = reader.sequence(node, "redact");
            for (int i = 0; i < paths.size() && i < items.size(); i++) {
                String path = paths.get(i);
                if (!path.startsWith("arguments.") && !path.startsWith("context.")) {
                    reader.problem(items.get(i), "bad redact path \"" + path
                            + "\": expected arguments.NAME or context.NAME, such as arguments.card_number");
                    continue;
                }
                try {
                    Redactor.of(List.of(path));
                } catch (IllegalArgumentException e) {
                    reader.problem(items.get(i), e.getMessage());
                }
            }
            return List.copyOf(paths);
        }

        private List<Rule> rules(YamlNode node) {
            List<YamlNode> items = reader.sequence(node, "rules");
            if (items == null) {
                return List.of();
            }
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                Rule rule = rule(i, items.get(i));
                if (rule != null) {
                    if (!ids.add(rule.id())) {
                        reader.problem(items.get(i), "rule id '" + rule.id() + "' is used twice, expected unique ids");
                    }
                    rules.add(rule);
                }
            }
            return List.copyOf(rules);
        }

        private Rule rule(int index, YamlNode node) {
            String where = "rules[" + index + "]";
            int problemsBefore = reader.problems().size();
            Map<String, NodeReader.Entry> keys = reader.mapping(node, "a rule (" + where + ")", RULE_KEYS);
            if (keys == null) {
                return null;
            }
            // After a misspelt key ("acton:"), saying the rule has no action only repeats the same problem.
            boolean misspelt = reader.problems().size() > problemsBefore;
            String id = keys.containsKey("id") ? reader.name(keys.get("id").value(), where + ".id") : where;
            String tool = null;
            if (keys.containsKey("tool")) {
                tool = reader.name(keys.get("tool").value(), where + ".tool");
            } else {
                reader.problem(node, where + " has no 'tool', expected the tool's name or a glob such as drop_*");
            }
            String reason = keys.containsKey("reason") ? reader.text(keys.get("reason").value(), where + ".reason") : null;
            Action action = keys.containsKey("action") ? action(keys.get("action").value(), where + ".action") : null;
            List<Condition> conditions = List.of();
            if (keys.containsKey("conditions")) {
                conditions = conditions(where, keys.get("conditions").value());
                if (keys.containsKey("action")) {
                    reader.problem(keys.get("action").key(), where + " has both 'action' and 'conditions', expected one:"
                            + " to act when no condition matches, add a last condition with 'match: {}'");
                }
            } else if (!keys.containsKey("action") && !misspelt) {
                reader.problem(node, where + " has neither 'action' nor 'conditions', expected one of them");
            }
            ApprovalSpec approval = approvalFor(action, keys.get("approval"), where);
            NodeReader.Entry constraints = keys.get("constraints");
            RateLimitSpec rateLimit = null;
            BudgetSpec budget = null;
            if (constraints != null) {
                Map<String, NodeReader.Entry> c = reader.mapping(constraints.value(), where + ".constraints", CONSTRAINT_KEYS);
                if (c != null) {
                    rateLimit = c.containsKey("rate_limit") ? rateLimit(c.get("rate_limit").value(), where) : null;
                    budget = c.containsKey("budget") ? budget(c.get("budget").value(), where) : null;
                }
            }
            return tool == null ? null : new Rule(index, id, ToolPattern.of(tool), conditions.isEmpty() ? action : null,
                    reason, approval, rateLimit, budget, conditions);
        }

        private List<Condition> conditions(String where, YamlNode node) {
            List<YamlNode> items = reader.sequence(node, where + ".conditions");
            if (items == null) {
                return List.of();
            }
            if (items.isEmpty()) {
                reader.problem(node, where + ".conditions is empty, expected one or more conditions");
            }
            List<Condition> conditions = new ArrayList<>();
            for (int j = 0; j < items.size(); j++) {
                String location = where + ".conditions[" + j + "]";
                int problemsBefore = reader.problems().size();
                Map<String, NodeReader.Entry> keys = reader.mapping(items.get(j), "a condition (" + location + ")", CONDITION_KEYS);
                if (keys == null) {
                    continue;
                }
                boolean misspelt = reader.problems().size() > problemsBefore;
                Expression match = null;
                if (keys.containsKey("match")) {
                    match = matches.compile(keys.get("match").value());
                } else if (!misspelt) {
                    reader.problem(items.get(j), location + " has no 'match', expected a map of paths to matchers ('match: {}' always matches)");
                }
                Action action = null;
                if (keys.containsKey("action")) {
                    action = action(keys.get("action").value(), location + ".action");
                } else if (!misspelt) {
                    reader.problem(items.get(j), location + " has no 'action', expected one of: " + String.join(", ", ACTIONS));
                }
                String reason = keys.containsKey("reason") ? reader.text(keys.get("reason").value(), location + ".reason") : null;
                ApprovalSpec approval = approvalFor(action, keys.get("approval"), location);
                if (match != null && action != null) {
                    conditions.add(new Condition(location, match, action, reason, approval));
                }
            }
            return List.copyOf(conditions);
        }

        private Action action(YamlNode node, String what) {
            String word = reader.word(node, what, ACTIONS);
            if (word == null) {
                return null;
            }
            return switch (word) {
                case "allow" -> Action.ALLOW;
                case "deny" -> Action.DENY;
                default -> Action.APPROVAL_REQUIRED;
            };
        }

        /** The approval block of a require_approval (defaults when absent); refused on other actions. */
        private ApprovalSpec approvalFor(Action action, NodeReader.Entry entry, String where) {
            if (entry == null) {
                return action == Action.APPROVAL_REQUIRED ? ApprovalSpec.DEFAULT : null;
            }
            if (action != Action.APPROVAL_REQUIRED) {
                reader.problem(entry.key(), where + ".approval only applies to action: require_approval");
                return null;
            }
            Map<String, NodeReader.Entry> keys = reader.mapping(entry.value(), where + ".approval", APPROVAL_KEYS);
            if (keys == null) {
                return ApprovalSpec.DEFAULT;
            }
            String channel = keys.containsKey("channel")
                    ? reader.name(keys.get("channel").value(), where + ".approval.channel") : ApprovalSpec.DEFAULT.channel();
            Duration timeout = keys.containsKey("timeout")
                    ? duration(keys.get("timeout").value(), where + ".approval.timeout") : ApprovalSpec.DEFAULT.timeout();
            boolean allow = keys.containsKey("escalation")
                    && "allow".equals(reader.word(keys.get("escalation").value(), where + ".approval.escalation", ESCALATIONS));
            return new ApprovalSpec(channel == null ? ApprovalSpec.DEFAULT.channel() : channel,
                    timeout == null ? ApprovalSpec.DEFAULT.timeout() : timeout, allow);
        }

        private Duration duration(YamlNode node, String what) {
            String text = node instanceof YamlNode.Scalar scalar && scalar.tagged(YamlNode.STR) ? scalar.value() : null;
            Matcher m = text == null ? null : DURATION.matcher(text.trim());
            if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
                reader.problem(node, what + " is " + (text == null ? NodeReader.kind(node) : "'" + text + "'")
                        + ", expected a duration more than 0 such as 30s, 5m, 2h or 1d (units ms, s, m, h, d)");
                return null;
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }

        private RateLimitSpec rateLimit(YamlNode node, String where) {
            String what = where + ".constraints.rate_limit";
            YamlNode limitNode = node;
            ValuePath per = null;
            if (!(node instanceof YamlNode.Scalar)) {
                Map<String, NodeReader.Entry> keys = reader.mapping(node, what, RATE_LIMIT_KEYS);
                if (keys == null) {
                    return null;
                }
                if (!keys.containsKey("limit")) {
                    reader.problem(node, what + " has no 'limit', expected for example limit: 20/hour");
                    return null;
                }
                limitNode = keys.get("limit").value();
                per = keys.containsKey("per") ? path(keys.get("per").value(), reader.name(keys.get("per").value(), what + ".per")) : null;
            }
            LimitSpec limit = limit(limitNode, what);
            if (limit == null) {
                return null;
            }
            try {
                limit.wholeAmount();
            } catch (IllegalArgumentException e) {
                reader.problem(limitNode, what + ": " + e.getMessage());
                return null;
            }
            return new RateLimitSpec(limit, per);
        }

        private BudgetSpec budget(YamlNode node, String where) {
            String what = where + ".constraints.budget";
            Map<String, NodeReader.Entry> keys = reader.mapping(node, what, BUDGET_KEYS);
            if (keys == null) {
                return null;
            }
            for (String required : List.of("sum", "limit")) {
                if (!keys.containsKey(required)) {
                    reader.problem(node, what + " has no '" + required + "', expected sum: arguments.amount and limit: 5000/day");
                    return null;
                }
            }
            ValuePath sum = path(keys.get("sum").value(), reader.name(keys.get("sum").value(), what + ".sum"));
            LimitSpec limit = limit(keys.get("limit").value(), what + ".limit");
            ValuePath per = keys.containsKey("per") ? path(keys.get("per").value(), reader.name(keys.get("per").value(), what + ".per")) : null;
            return sum == null || limit == null ? null : new BudgetSpec(sum, limit, per);
        }

        private LimitSpec limit(YamlNode node, String what) {
            String text = node instanceof YamlNode.Scalar scalar && scalar.tagged(YamlNode.STR) ? scalar.value() : null;
            if (text == null) {
                reader.problem(node, what + " is " + NodeReader.kind(node) + ", expected AMOUNT/UNIT such as 20/hour");
                return null;
            }
            try {
                return LimitSpec.parse(text);
            } catch (IllegalArgumentException e) {
                reader.problem(node, what + ": " + e.getMessage());
                return null;
            }
        }

        private ValuePath path(YamlNode node, String text) {
            if (text == null) {
                return null;
            }
            try {
                return ValuePath.parse(text);
            } catch (IllegalArgumentException e) {
                reader.problem(node, e.getMessage());
                return null;
            }
        }

        private List<InstrumentEntry> instrument(YamlNode node) {
            List<YamlNode> items = reader.sequence(node, "instrument");
            if (items == null) {
                return List.of();
            }
            List<InstrumentEntry> entries = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String where = "instrument[" + i + "]";
                Map<String, NodeReader.Entry> keys = reader.mapping(items.get(i), "an instrument entry (" + where + ")", INSTRUMENT_KEYS);
                if (keys == null) {
                    continue;
                }
                String classPattern = keys.containsKey("class") ? reader.name(keys.get("class").value(), where + ".class") : null;
                String subtypesOf = keys.containsKey("subtypes_of") ? reader.name(keys.get("subtypes_of").value(), where + ".subtypes_of") : null;
                checkClassName(classPattern, keys.get("class"), where + ".class", true);
                checkClassName(subtypesOf, keys.get("subtypes_of"), where + ".subtypes_of", false);
                if (!keys.containsKey("class") && !keys.containsKey("subtypes_of")) {
                    reader.problem(items.get(i), where + " names no classes, expected 'class' (a name or glob) or 'subtypes_of' (an interface)");
                }
                String method = null;
                if (keys.containsKey("method")) {
                    method = reader.name(keys.get("method").value(), where + ".method");
                    if (method != null && !isJavaName(method)) {
                        // a glob or a signature here names no method: the entry would govern nothing, silently
                        reader.problem(keys.get("method").value(), where + ".method '" + method + "' is not a Java method"
                                + " name, expected one name such as refund (method takes no glob: give each method its own entry)");
                    }
                } else {
                    reader.problem(items.get(i), where + " has no 'method', expected the method's name");
                }
                List<String> parameterTypes = keys.containsKey("parameter_types")
                        ? reader.textList(keys.get("parameter_types").value(), where + ".parameter_types") : null;
                String tool = keys.containsKey("tool") ? reader.name(keys.get("tool").value(), where + ".tool") : method;
                List<String> parameters = keys.containsKey("parameters")
                        ? reader.textList(keys.get("parameters").value(), where + ".parameters") : null;
                if (parameters != null && keys.get("parameters").value() instanceof YamlNode.Sequence given) {
                    // the call's arguments are a map by name: a second 'amount' would hide the first from the policy
                    Set<String> seen = new HashSet<>();
                    for (YamlNode item : given.items()) {
                        if (item instanceof YamlNode.Scalar name && !seen.add(name.value())) {
                            reader.problem(item, where + ".parameters names '" + name.value()
                                    + "' twice, expected one name per parameter");
                        }
                    }
                }
                if (parameters != null && parameterTypes != null && parameters.size() != parameterTypes.size()) {
                    reader.problem(keys.get("parameters").value(), where + " names " + parameters.size()
                            + " parameters for " + parameterTypes.size() + " parameter_types, expected as many names as types");
                }
                entries.add(new InstrumentEntry(classPattern, subtypesOf, method,
                        parameterTypes == null ? null : List.copyOf(parameterTypes), tool,
                        parameters == null ? null : List.copyOf(parameters), items.get(i).line()));
            }
            return List.copyOf(entries);
        }

        /** A binary or source class name ({@code com.acme.Outer$Inner}, {@code com.acme.Outer.Inner}), globs where allowed. */
        private void checkClassName(String name, NodeReader.Entry entry, String where, boolean globs) {
            if (name == null || name.isEmpty()) {
                return; // absent, or already reported as empty
            }
            for (String segment : name.split("\\.", -1)) {
                boolean valid = !segment.isEmpty() && segment.chars()
                        .allMatch(c -> Character.isJavaIdentifierPart(c) || globs && (c == '*' || c == '?'));
                if (!valid) {
                    reader.problem(entry.value(), where + " '" + name + "' is not a class name, expected a name such as"
                            + " com.acme.RefundService (a nested class as Outer.Inner or Outer$Inner"
                            + (globs ? "; * and ? as globs" : "") + ")");
                    return;
                }
            }
        }

        private static boolean isJavaName(String name) {
            if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
                return false;
            }
            return name.chars().allMatch(Character::isJavaIdentifierPart);
        }
    }
}
