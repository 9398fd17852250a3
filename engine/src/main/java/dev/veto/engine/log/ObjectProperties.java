package dev.veto.engine.log;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named properties of a record (its components, in order) or a bean (its public {@code getX()} /
 * {@code isX()} methods, by name), so that the log and the redactor can treat them like maps. The accessors
 * are found once per class and cached.
 *
 * <p>Types of the Java platform ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}) are never
 * read this way: their getters are not data, and their {@code toString} is what a reader expects.
 */
final class ObjectProperties {

    /** Stands for a property whose getter threw; logged by its text (it has no properties of its own). */
    static final class Unreadable {
        private final String why;

        Unreadable(String why) {
            this.why = why;
        }

        @Override
        public String toString() {
            return why;
        }
    }

    private record Accessor(String name, Method method) {
    }

    private static final ClassValue<List<Accessor>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Accessor> computeValue(Class<?> type) {
            return findAccessors(type);
        }
    };

    private ObjectProperties() {
    }

    /** Whether the value is a record or a bean with at least one readable property. */
    static boolean hasProperties(Object value) {
        return !ACCESSORS.get(value.getClass()).isEmpty();
    }

    /**
     * The value's properties in a new map (records in component order, beans by name). A getter that throws
     * gives an {@link Unreadable} for that property only.
     */
    static Map<String, Object> of(Object value) {
        List<Accessor> accessors = ACCESSORS.get(value.getClass());
        Map<String, Object> properties = new LinkedHashMap<>(accessors.size() * 2);
        for (Accessor accessor : accessors) {
            Object property;
            try {
                property = accessor.method().invoke(value);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                property = new Unreadable("<unreadable: " + cause.getClass().getSimpleName() + ">");
            }
            properties.put(accessor.name(), property);
        }
        return properties;
    }

    private static List<Accessor> findAccessors(Class<?> type) {
        if (isPlatformType(type)) {
            return List.of();
        }
        List<Accessor> accessors = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                addIfAccessible(accessors, component.getName(), component.getAccessor());
            }
            return List.copyOf(accessors);
        }
        for (Method method : type.getMethods()) {
            String name = beanPropertyName(method);
            if (name != null) {
                addIfAccessible(accessors, name, method);
            }
        }
        accessors.sort(Comparator.comparing(Accessor::name));
        return List.copyOf(accessors);
    }

    private static void addIfAccessible(List<Accessor> accessors, String name, Method method) {
        // A public method of a class that is not public (a private nested record, say) needs this; a module
        // that does not open its package refuses, and then the value is logged by toString instead.
        try {
            if (method.trySetAccessible()) {
                accessors.add(new Accessor(name, method));
            }
        } catch (SecurityException e) {
            // not readable here: leave it out
        }
    }

    private static String beanPropertyName(Method method) {
        if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2))
                && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    /** As java.beans does: {@code CustomerId} becomes {@code customerId}, {@code URL} stays {@code URL}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static boolean isPlatformType(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || type.isArray() || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("com.sun.");
    }
}
