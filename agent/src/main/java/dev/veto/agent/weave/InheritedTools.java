package dev.veto.agent.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The methods a class inherits that a {@code subtypes_of} entry selects in it but that nothing governs where
 * they are declared: a superclass the entry does not select, or an interface's default method. The weaver
 * gives the class an override carrying the check ({@link InheritedOverride}); this class finds them, at
 * weave time, by reading the supertypes' class files, never by loading them.
 */
public final class InheritedTools {

    private final ToolMethods tools;

    InheritedTools(ToolMethods tools) {
        this.tools = tools;
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
     * override) itself. A superclass's method wins over an interface's default method, as in the JVM.
     */
    List<Inherited> of(ClassShape type, TypeHierarchy hierarchy) {
        if (type.isInterface()) {
            return List.of();
        }
        List<Inherited> inherited = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (MethodShape declared : type.methods()) {
            found.add(declared.name() + declared.descriptor());
        }
        for (int i = 0; i < tools.rules().size(); i++) {
            InstrumentRule rule = tools.rules().get(i);
            Pattern glob = tools.glob(i);
            if (rule.subtypesOf() == null || !ToolMethods.selectsType(rule, glob, type, hierarchy)) {
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
                selectedAbove |= ToolMethods.selectsType(rule, glob, above, hierarchy);
                for (MethodShape method : above.methods()) {
                    if (method.isBridge() && bridgesToSelected(rule, method, above)) {
                        // the bridge calls the method it bridges to, which gets the override: one check per call
                        found.add(method.name() + method.descriptor());
                    } else if (method.isInheritable() && ToolMethods.selectsMethod(rule, method) && found.add(method.name() + method.descriptor())
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
                boolean governed = route.selectedClassAbove() || ToolMethods.selectsType(rule, glob, face, hierarchy);
                for (MethodShape method : face.methods()) {
                    String key = method.name() + method.descriptor();
                    if (method.isInheritable() && ToolMethods.selectsMethod(rule, method) && !method.isAbstract()
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
        ToolBinding there = tools.bindingFor(declaring, method, hierarchy);
        return there != null && there.tool().equals(tool);
    }

    /**
     * Whether the class declares, besides this bridge, a method of its name and arity that the entry selects:
     * the method the bridge calls (a class file does not say which one without reading the bridge's code).
     */
    private static boolean bridgesToSelected(InstrumentRule rule, MethodShape bridge, ClassShape declaring) {
        for (MethodShape method : declaring.methods()) {
            if (!method.isBridge() && method.isInheritable() && method.name().equals(bridge.name())
                    && method.parameterTypes().length == bridge.parameterTypes().length && ToolMethods.selectsMethod(rule, method)) {
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
}
