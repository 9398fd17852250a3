package dev.veto.agent.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

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
        if (anyHierarchyRule || exactClasses.contains(className)) {
            return true;
        }
        for (Pattern glob : globs) {
            if (glob != null && glob.matcher(className).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code type} declares at least one tool method. */
    boolean declaresTool(TypeDescription type) {
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (bindingFor(type, method) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tool this method is, or null when it is not one (or cannot carry a check: abstract, native...).
     * Public for the CLI's {@code scan}, which must find exactly the methods the agent weaves.
     */
    public ToolBinding bindingFor(TypeDescription type, MethodDescription method) {
        if (method.isAbstract() || method.isNative() || !method.isMethod() || method.isBridge() || method.isSynthetic()) {
            return null;
        }
        for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
            String annotationType = annotation.getAnnotationType().getName();
            if (ToolAnnotations.TOOL.contains(annotationType)) {
                String name = stringValue(annotation, "name");
                return new ToolBinding(name == null || name.isEmpty() ? method.getName() : name, null, "@" + annotationType);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            InstrumentRule rule = rules.get(i);
            if (selectsType(rule, globs.get(i), type) && selectsMethod(rule, method)) {
                return new ToolBinding(rule.tool(), rule.parameters(),
                        "instrument: " + type.getName() + "#" + method.getName());
            }
        }
        return null;
    }

    /** An annotation's string attribute, or null when it has none or its type cannot be resolved. */
    static String stringValue(AnnotationDescription annotation, String property) {
        try {
            AnnotationValue<?, ?> value = annotation.getValue(property);
            Object resolved = value.resolve();
            return resolved instanceof String text ? text : null;
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    private static boolean selectsType(InstrumentRule rule, Pattern glob, TypeDescription type) {
        String name = type.getName();
        if (rule.classPattern() != null) {
            boolean named = glob != null ? glob.matcher(name).matches() : rule.classPattern().equals(name);
            if (!named) {
                return false;
            }
        }
        return rule.subtypesOf() == null || isSubtype(type, rule.subtypesOf(), new HashSet<>());
    }

    private static boolean isSubtype(TypeDefinition type, String supertype, Set<String> visited) {
        if (type == null || !visited.add(type.asErasure().getName())) {
            return false;
        }
        if (type.asErasure().getName().equals(supertype)) {
            return true;
        }
        try {
            for (TypeDescription.Generic face : type.getInterfaces()) {
                if (isSubtype(face, supertype, visited)) {
                    return true;
                }
            }
            return isSubtype(type.getSuperClass(), supertype, visited);
        } catch (RuntimeException unresolvable) {
            return false; // a supertype missing from the class path: this class is not selected
        }
    }

    private static boolean selectsMethod(InstrumentRule rule, MethodDescription method) {
        if (!method.getName().equals(rule.method())) {
            return false;
        }
        if (rule.parameterTypes() == null) {
            return true;
        }
        List<TypeDescription> actual = method.getParameters().asTypeList().asErasures();
        if (actual.size() != rule.parameterTypes().size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            String expected = rule.parameterTypes().get(i);
            TypeDescription type = actual.get(i);
            if (!expected.equals(type.getName()) && !expected.equals(type.getCanonicalName())) {
                return false;
            }
        }
        return true;
    }
}
