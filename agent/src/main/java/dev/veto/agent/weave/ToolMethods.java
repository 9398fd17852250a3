package dev.veto.agent.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Public for the CLI's {@code scan}, which must find exactly the methods the agent weaves.
     *
     * @param hierarchy where the supertypes of {@code type} are read, for entries that select by supertype
     */
    public ToolBinding bindingFor(ClassShape type, MethodShape method, TypeHierarchy hierarchy) {
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
     * The tool annotation ({@code dev.veto.Tool}...) on a method that has no body to carry the check, abstract
     * or native; null for every other method. The methods that implement an abstract one do not inherit its
     * annotations, so nothing is governed for it unless they carry their own: the user should hear about it.
     */
    public String toolAnnotationWithoutBody(MethodShape method) {
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
    public List<InstrumentRule> exactEntriesSelectingNothing(ClassShape type) {
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

    /**
     * A method that an entry selecting by supertype ({@code subtypes_of}) selects in {@code type}, but that
     * {@code type} inherits from a superclass or an interface (a default method) the entry does not select
     * ({@code class ArchiveRepository extends BaseStore implements Repository}, with {@code deleteAll} in
     * {@code BaseStore}). Woven nowhere, it would run ungoverned on every such subtype; the weaver gives the
     * subtype an override that calls the inherited method, and weaves the check into that.
     *
     * @param method           the inherited method, as its declaring class has it
     * @param declaringClass   the superclass or interface that declares it
     * @param obstacle         why no override can be added (a final or another package's package-private
     *                         method, a class file too old to call an interface's method), or null when one can
     * @param callThrough      the class or interface the override calls the method through ({@code super.m()}):
     *                         the direct superclass, or for a default method that the superclasses do not
     *                         reach, the direct superinterface it is reached by
     * @param throughInterface whether {@code callThrough} is an interface
     */
    public record Inherited(MethodShape method, String declaringClass, ToolBinding binding, String obstacle,
            String callThrough, boolean throughInterface) {
    }

    /** An interface on the way up from a class: how the class reaches it, and whether a selected class reaches it. */
    private record Route(String face, String callThrough, boolean throughInterface, boolean selectedClassAbove) {
    }

    /**
     * The methods {@code type} inherits from superclasses and interfaces that {@code subtypes_of} entries
     * select in it (see {@link Inherited}). Empty for an interface, and for a method that a selected supertype
     * on the way up declares, or a selected superclass inherits: that supertype is governed (or given the
     * override) itself. A superclass's method wins over an interface's default method, as in the JVM. Public
     * for the CLI's {@code scan}, which lists these as the agent weaves them.
     */
    public List<Inherited> inheritedTools(ClassShape type, TypeHierarchy hierarchy) {
        if (type.isInterface()) {
            return List.of();
        }
        List<Inherited> inherited = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (MethodShape declared : type.methods()) {
            found.add(declared.name() + declared.descriptor());
        }
        for (int i = 0; i < rules.size(); i++) {
            InstrumentRule rule = rules.get(i);
            Pattern glob = globs.get(i);
            if (rule.subtypesOf() == null || !selectsType(rule, glob, type, hierarchy)) {
                continue;
            }
            List<Route> interfaces = new ArrayList<>();
            for (String face : type.interfaces()) {
                interfaces.add(new Route(face, face, true, false));
            }
            boolean selectedAbove = false;
            boolean complete = true;
            for (String owner = type.superclass(); owner != null; ) {
                ClassShape above = hierarchy.shapeOf(owner).orElse(null);
                if (above == null) {
                    complete = false; // unreadable: nothing can be said of it, nor of the default methods it may hide
                    break;
                }
                // a selected superclass is governed (or given the override) itself; what it inherits is only noted
                selectedAbove |= selectsType(rule, glob, above, hierarchy);
                for (MethodShape method : above.methods()) {
                    if (method.isBridge() && bridgesToSelected(rule, method, above)) {
                        // the bridge calls the method it bridges to, which gets the override: one check per call
                        found.add(method.name() + method.descriptor());
                    } else if (method.isInheritable() && selectsMethod(rule, method) && found.add(method.name() + method.descriptor())
                            && !method.isAbstract() && !selectedAbove && !governedAs(rule.tool(), above, method, hierarchy)) {
                        inherited.add(new Inherited(method, owner,
                                new ToolBinding(rule.tool(), rule.parameters(), "instrument: " + type.name() + "#"
                                        + method.name() + " (inherited from " + owner + ")"),
                                obstacleToOverride(method, above, type), type.superclass(), false));
                    }
                }
                for (String face : above.interfaces()) {
                    interfaces.add(new Route(face, type.superclass(), false, selectedAbove));
                }
                owner = above.superclass();
            }
            // every interface on the way up, once, with the first route that reaches it
            Map<String, Route> routes = new LinkedHashMap<>();
            Map<String, ClassShape> faces = new LinkedHashMap<>();
            for (int next = 0; complete && next < interfaces.size(); next++) {
                Route route = interfaces.get(next);
                Route known = routes.get(route.face());
                if (known != null) {
                    if (route.selectedClassAbove() && !known.selectedClassAbove()) {
                        routes.put(route.face(), route); // a selected class reaches it too: that class is governed
                    }
                    continue;
                }
                routes.put(route.face(), route);
                ClassShape face = hierarchy.shapeOf(route.face()).orElse(null);
                if (face != null) {
                    faces.put(face.name(), face);
                    for (String superinterface : face.interfaces()) {
                        interfaces.add(new Route(superinterface, route.callThrough(), route.throughInterface(),
                                route.selectedClassAbove()));
                    }
                }
            }
            // their default methods, each unless a more specific interface declares it too (the JVM runs that one)
            for (ClassShape face : faces.values()) {
                Route route = routes.get(face.name());
                boolean governed = route.selectedClassAbove() || selectsType(rule, glob, face, hierarchy);
                for (MethodShape method : face.methods()) {
                    String key = method.name() + method.descriptor();
                    if (method.isInheritable() && selectsMethod(rule, method) && !method.isAbstract()
                            && !found.contains(key) && !overriddenBelow(face, key, faces)) {
                        found.add(key);
                        if (!governed && !governedAs(rule.tool(), face, method, hierarchy)) {
                            inherited.add(new Inherited(method, face.name(),
                                    new ToolBinding(rule.tool(), rule.parameters(), "instrument: " + type.name() + "#"
                                            + method.name() + " (inherited from " + face.name() + ")"),
                                    route.throughInterface() && type.version() < Opcodes.V1_8
                                            ? "its class file predates Java 8 and cannot call an interface's default method"
                                            : null,
                                    route.callThrough(), route.throughInterface()));
                        }
                    }
                }
            }
        }
        return inherited;
    }

    /** Whether another of these interfaces extends {@code face} (directly or not) and declares the method. */
    private static boolean overriddenBelow(ClassShape face, String key, Map<String, ClassShape> faces) {
        for (ClassShape other : faces.values()) {
            if (other != face && extendsInterface(other, face.name(), faces, new HashSet<>())) {
                for (MethodShape method : other.methods()) {
                    if (key.equals(method.name() + method.descriptor()) && (method.access() & Opcodes.ACC_STATIC) == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean extendsInterface(ClassShape face, String wanted, Map<String, ClassShape> faces, Set<String> seen) {
        for (String superinterface : face.interfaces()) {
            ClassShape above = faces.get(superinterface);
            if (superinterface.equals(wanted)
                    || (above != null && seen.add(superinterface) && extendsInterface(above, wanted, faces, seen))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the class that declares the method already governs it as this tool (an annotation, or another
     * entry that names that class): every call runs that check, so an override would decide each call twice.
     * Under another tool's name the override stays, so that this entry's rules apply to the subtype too.
     */
    private boolean governedAs(String tool, ClassShape declaring, MethodShape method, TypeHierarchy hierarchy) {
        ToolBinding there = bindingFor(declaring, method, hierarchy);
        return there != null && there.tool().equals(tool);
    }

    /**
     * Whether the class declares, besides this bridge, a method of its name and arity that the entry selects:
     * the method the bridge calls (a class file does not say which one without reading the bridge's code).
     */
    private static boolean bridgesToSelected(InstrumentRule rule, MethodShape bridge, ClassShape declaring) {
        for (MethodShape method : declaring.methods()) {
            if (!method.isBridge() && method.isInheritable() && method.name().equals(bridge.name())
                    && method.parameterTypes().length == bridge.parameterTypes().length && selectsMethod(rule, method)) {
                return true;
            }
        }
        return false;
    }

    private static String obstacleToOverride(MethodShape method, ClassShape declaring, ClassShape type) {
        if (method.isFinal()) {
            return "it is final in " + declaring.name();
        }
        if (method.isPackagePrivate() && !declaring.packageName().equals(type.packageName())) {
            return "it is package-private in " + declaring.name() + ", another package";
        }
        return null;
    }

    private static boolean selectsType(InstrumentRule rule, Pattern glob, ClassShape type, TypeHierarchy hierarchy) {
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

    private static boolean selectsMethod(InstrumentRule rule, MethodShape method) {
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
