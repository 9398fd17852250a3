package dev.veto.agent.cli;

import dev.veto.agent.weave.ClassShape;
import dev.veto.agent.weave.ClassTools;
import dev.veto.agent.weave.InheritedTools;
import dev.veto.agent.weave.InstrumentRule;
import dev.veto.agent.weave.MethodShape;
import dev.veto.agent.weave.ToolMethods;
import dev.veto.agent.weave.TypeHierarchy;
import dev.veto.engine.Veto;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.Rule;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.bytebuddy.jar.asm.Type;

/**
 * {@code scan POLICY JAR|DIR...}: every method the agent would govern in those jars and class folders,
 * found by the agent's own matcher ({@link ToolMethods}), and the rules that govern each.
 */
final class ScanCommand implements Command {

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String summary() {
        return "list the tool methods the agent would govern in jars or class folders, and the rules that govern them";
    }

    @Override
    public Set<String> switches() {
        return Set.of("fail-uncovered");
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar scan POLICY JAR|DIR... [--fail-uncovered]

                Reads the classes of the jars and class folders (without running them) and lists every method the
                agent would govern: methods annotated with @dev.veto.Tool, LangChain4j's or Spring AI's @Tool, and
                methods matched by the policy's instrument: entries. For each: the tool name, the method, what made
                it a tool, and the rules whose tool: matches it, or "only default_action" when no rule does.
                --fail-uncovered exits 1 when a tool has no rule of its own, a class could not be read (the agent
                could not weave it either), a tool annotation sits on an abstract or native method (no
                implementation inherits it), or an instrument: entry would govern nothing (it names a scanned
                class that declares no such method, or a subtypes_of method is inherited in a form the agent
                cannot override: final, or package-private in another package), so a build can refuse to ship it.
                Exit codes: 0 listed; 1 --fail-uncovered and a tool has no rule, a class was unreadable or an entry
                governs nothing; 2 bad flags, paths or policy.
                Example: java -jar veto-agent.jar scan policies/support-agent.yaml demo-app/target/classes
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        List<String> words = arguments.positionals();
        if (words.size() < 2) {
            throw new UsageException("expected POLICY and at least one JAR or class folder, got "
                    + (words.isEmpty() ? "nothing" : String.join(" ", words)));
        }
        List<ScannedTool> tools;
        Policy policy;
        List<String> skipped = new ArrayList<>();
        List<String> idleEntries = new ArrayList<>();
        try (Veto veto = PolicyFile.load(words.get(0)); ClassFiles classes = ClassFiles.open(words.subList(1, words.size()))) {
            policy = veto.policy();
            tools = scan(classes, new ToolMethods(InstrumentRule.of(veto.instrument())), policy, console.err(), skipped,
                    idleEntries);
        }
        print(tools, policy, console.out());
        for (String idle : idleEntries) {
            // the agent warns about it at run time; the method the entry meant would run ungoverned
            console.out().println("warning: " + idle);
        }
        if (!skipped.isEmpty()) {
            // the agent cannot weave them either: their tools, if they have any, would run ungoverned
            console.out().println(skipped.size() + (skipped.size() == 1 ? " class" : " classes")
                    + " could not be read (see above): the agent leaves such a class unwoven, so tools in it would not be governed");
        }
        boolean uncovered = tools.stream().anyMatch(tool -> !tool.hasOwnRule()) || !skipped.isEmpty()
                || !idleEntries.isEmpty();
        return arguments.has("fail-uncovered") && uncovered ? ExitCode.FAILED : ExitCode.OK;
    }

    private static List<ScannedTool> scan(ClassFiles classes, ToolMethods toolMethods, Policy policy, PrintStream err,
            List<String> skipped, List<String> idleEntries) {
        TypeHierarchy hierarchy = new TypeHierarchy(classes);
        List<ScannedTool> found = new ArrayList<>();
        for (String name : classes.classNames()) {
            try {
                ClassShape type = ClassShape.of(classes.find(name));
                ClassTools tools = toolMethods.toolsOf(type, hierarchy);
                for (ClassTools.Declared tool : tools.declared()) {
                    found.add(new ScannedTool(tool.binding().tool(), signature(type, tool.method()), tool.binding().source(),
                            rulesFor(tool.binding().tool(), policy)));
                }
                for (InheritedTools.Inherited inherited : tools.inherited()) { // the agent gives the class an override
                    found.add(new ScannedTool(inherited.binding().tool(), signature(type, inherited.method()),
                            inherited.binding().source(), rulesFor(inherited.binding().tool(), policy)));
                }
                idleEntries.addAll(tools.warnings()); // what the agent warns about: a method that would run ungoverned
            } catch (IOException | RuntimeException unreadable) {
                err.println("veto scan: skipped " + name + ": " + unreadable);
                skipped.add(name);
            }
        }
        return found;
    }

    /** {@code com.acme.Tools#refund(String, double)}: parameter types by their simple names. */
    private static String signature(ClassShape type, MethodShape method) {
        return type.name() + "#" + method.name() + Arrays.stream(Type.getArgumentTypes(method.descriptor()))
                .map(ScanCommand::simpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(Type type) {
        String name = type.getClassName(); // java.lang.String[], com.acme.Outer$Inner, long
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    private static List<String> rulesFor(String tool, Policy policy) {
        return policy.rules().stream().filter(rule -> rule.tool().matches(tool)).map(Rule::id).toList();
    }

    private static void print(List<ScannedTool> tools, Policy policy, PrintStream out) {
        String onlyDefault = "only default_action (" + policy.defaultAction().policyName() + ")";
        int toolWidth = Math.max(4, tools.stream().mapToInt(tool -> tool.tool().length()).max().orElse(0));
        int methodWidth = Math.max(6, tools.stream().mapToInt(tool -> tool.method().length()).max().orElse(0));
        int foundWidth = Math.max(8, tools.stream().mapToInt(tool -> tool.foundBy().length()).max().orElse(0));
        String row = "%-" + toolWidth + "s  %-" + methodWidth + "s  %-" + foundWidth + "s  %s%n";
        out.printf(row, "TOOL", "METHOD", "FOUND BY", "GOVERNED BY");
        for (ScannedTool tool : tools) {
            out.printf(row, tool.tool(), tool.method(), tool.foundBy(),
                    tool.hasOwnRule() ? String.join(", ", tool.rules()) : onlyDefault);
        }
        long uncovered = tools.stream().filter(tool -> !tool.hasOwnRule()).count();
        out.println();
        out.println(tools.size() + " tool methods: " + (tools.size() - uncovered) + " governed by a rule of their own, "
                + uncovered + " " + onlyDefault);
    }
}
