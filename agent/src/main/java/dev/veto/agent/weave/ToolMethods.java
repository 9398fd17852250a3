package dev.veto.agent.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Decides, at weave time, which methods are tools: those annotated with a tool annotation and those an
 * {@code instrument:} entry names. Everything here runs once per candidate class, never per call.
 */
public final class ToolMethods {

    private final List<InstrumentRule> rules;
    private final List<Pattern> globs;
    private final Set<String> exactClasses = new HashSet<>();
    private final boolean anyHierarchyRule;

    public ToolMethods(List<InstrumentRule> rules) {
        this.rules = List.copyOf(rules);
        this.globs = new ArrayList<>();
        boolean hierarchy = false;
        for (InstrumentRule rule : this.rules) {
            if (rule.subtypesOf() != null) {
                hierarchy = true;
            }
            if (rule.classPattern() == null) {
                globs.add(null);
            } else if (rule.classIsGlob()) {
                globs.add(rule.classRegex());
            } else {
                globs.add(null);
                exactClasses.add(rule.classPattern());
            }
        }
        this.anyHierarchyRule = hierarchy;
    }

    /**
     * Cheap test on a class's name before its bytes are parsed: could an {@code instrument:} entry select
     * it? True for every class when an entry selects by supertype, since that needs the hierarchy.
     */
    boolean mightBeInstrumented(String className) {
        String sourceName = sourceName(className);
        if (anyHierarchyRule || exactClasses.contains(className) || exactClasses.contains(sourceName)) {
            return true;
        }
        for (Pattern glob : globs) {
            if (glob != null && (glob.matcher(className).matches() || glob.matcher(sourceName).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A nested class's name as Java source writes it ({@code com.acme.Billing.RefundService} for the binary
     * {@code com.acme.Billing$RefundService}): an entry may name a class either way, as its
     * {@code parameter_types} may.
     */
    private static String sourceName(String binaryName) {
        return binaryName.replace('$', '.');
    }

    /**
     * The tool this method is, or null when it is not one (or cannot carry a check: abstract, native...).
     *
     * @param hierarchy where the supertypes of {@code type} are read, for entries that select by supertype
     */
    ToolBinding bindingFor(ClassShape type, MethodShape method, TypeHierarchy hierarchy) {
        if (!method.canCarryCheck()) {
            return null;
        }
        for (AnnotationShape annotation : method.annotations()) {
            if (ToolAnnotations.TOOL.contains(annotation.type())) {
                String name = annotation.nonBlank("name");
                return new ToolBinding(name == null ? method.name() : name, null, "@" + annotation.type());
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            InstrumentRule rule = rules.get(i);
            if (selectsType(rule, globs.get(i), type, hierarchy) && selectsMethod(rule, method)) {
                return new ToolBinding(rule.tool(), rule.parameters(),
                        "instrument: " + type.name() + "#" + method.name());
            }
        }
        return null;
    }

    /**
     * What the agent governs in the class, and the warnings for what it cannot: the one reading of a class
     * that the weaver and the CLI's {@code scan} share.
     */
    public ClassTools toolsOf(ClassShape type, TypeHierarchy hierarchy) {
        List<ClassTools.Declared> declared = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (MethodShape method : type.methods()) {
            ToolBinding binding = bindingFor(type, method, hierarchy);
            if (binding != null) {
                declared.add(new ClassTools.Declared(method, binding));
            }
            String bodiless = toolAnnotationWithoutBody(method);
            if (bodiless != null) { // no implementation inherits the annotation
                warnings.add(WeaveReport.toolWithoutBodyMessage(type.name(), method, bodiless));
            }
        }
        List<InheritedTools.Inherited> inherited = new ArrayList<>();
        for (InheritedTools.Inherited method : new InheritedTools(this).of(type, hierarchy)) {
            if (method.obstacle() == null) {
                inherited.add(method);
            } else {
                warnings.add(WeaveReport.inheritedUngovernedMessage(type.name(), method, method.obstacle()));
            }
        }
        for (InstrumentRule idle : exactEntriesSelectingNothing(type)) {
            warnings.add(WeaveReport.selectsNothingMessage(type.name(), idle));
        }
        return new ClassTools(declared, inherited, warnings);
    }

    /**
     * The tool annotation ({@code dev.veto.Tool}...) on a method that has no body to carry the check, abstract
     * or native; null for every other method. The methods that implement an abstract one do not inherit its
     * annotations, so nothing is governed for it unless they carry their own: the user should hear about it.
     */
    String toolAnnotationWithoutBody(MethodShape method) {
        int bodiless = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;
        if ((method.access() & bodiless) == 0 || (method.access() & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0) {
            return null;
        }
        for (AnnotationShape annotation : method.annotations()) {
            if (ToolAnnotations.TOOL.contains(annotation.type())) {
                return annotation.type();
            }
        }
        return null;
    }

    /**
     * The entries that name this very class by its exact name, yet select none of its methods: the method
     * is inherited from a superclass, abstract, or misspelt, or its parameter_types fit no overload. Nothing
     * is governed for such an entry in this class, which the user should hear about.
     */
    List<InstrumentRule> exactEntriesSelectingNothing(ClassShape type) {
        List<InstrumentRule> idle = new ArrayList<>();
        String name = type.name();
        for (int i = 0; i < rules.size(); i++) {
            InstrumentRule rule = rules.get(i);
            if (rule.classPattern() == null || globs.get(i) != null || rule.subtypesOf() != null
                    || !(rule.classPattern().equals(name) || rule.classPattern().equals(sourceName(name)))) {
                continue;
            }
            boolean selects = false;
            for (MethodShape method : type.methods()) {
                selects |= method.canCarryCheck() && selectsMethod(rule, method);
            }
            if (!selects) {
                idle.add(rule);
            }
        }
        return idle;
    }

    /** The entries, in policy order. */
    List<InstrumentRule> rules() {
        return rules;
    }

    /** The entry's class glob as a regex, or null when its class is named exactly or by supertype. */
    Pattern glob(int entry) {
        return globs.get(entry);
    }

    static boolean selectsType(InstrumentRule rule, Pattern glob, ClassShape type, TypeHierarchy hierarchy) {
        String name = type.name();
        if (rule.classPattern() != null) {
            String sourceName = sourceName(name);
            boolean named = glob != null ? glob.matcher(name).matches() || glob.matcher(sourceName).matches()
                    : rule.classPattern().equals(name) || rule.classPattern().equals(sourceName);
            if (!named) {
                return false;
            }
        }
        return rule.subtypesOf() == null
                || isSubtype(name, type.supertypes(), rule.subtypesOf(), hierarchy, new HashSet<>());
    }

    private static boolean isSubtype(String name, List<String> supertypes, String wanted, TypeHierarchy hierarchy,
            Set<String> visited) {
        if (!visited.add(name)) {
            return false;
        }
        if (name.equals(wanted) || sourceName(name).equals(wanted)) {
            return true;
        }
        for (String supertype : supertypes) {
            List<String> above = hierarchy.supertypesOf(supertype).orElse(null);
            boolean found = above == null ? supertype.equals(wanted) || sourceName(supertype).equals(wanted)
                    : isSubtype(supertype, above, wanted, hierarchy, visited);
            if (found) {
                return true;
            }
        }
        return false;
    }

    static boolean selectsMethod(InstrumentRule rule, MethodShape method) {
        if (!method.name().equals(rule.method())) {
            return false;
        }
        if (rule.parameterTypes() == null) {
            return true;
        }
        Type[] actual = method.parameterTypes();
        if (actual.length != rule.parameterTypes().size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (!namesType(rule.parameterTypes().get(i), actual[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a type written in an entry names this parameter type: as Java source writes it
     * ({@code java.lang.String[]}, {@code com.acme.Outer.Inner}), also without its package as source
     * written with imports does ({@code String[]}, {@code BigDecimal}, {@code Outer.Inner}: the trailing
     * whole parts of the name), a varargs parameter as {@code String...}, or as {@code Class.getName()} does
     * ({@code [Ljava.lang.String;}, {@code com.acme.Outer$Inner}).
     */
    private static boolean namesType(String written, Type type) {
        String expected = written.endsWith("...") ? written.substring(0, written.length() - 3) + "[]" : written; // varargs
        String sourceName = type.getClassName(); // java.lang.String[], com.acme.Outer$Inner, long
        String className = type.getSort() == Type.ARRAY ? type.getDescriptor().replace('/', '.') : sourceName;
        String dotted = sourceName.replace('$', '.');
        return expected.equals(sourceName) || expected.equals(className) || expected.equals(dotted)
                || dotted.endsWith("." + expected);
    }
}
