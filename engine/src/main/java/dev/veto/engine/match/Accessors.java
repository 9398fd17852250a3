package dev.veto.engine.match;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The readable properties of a class, found once per class and kept in a {@link ClassValue}: a record's
 * components, a bean's {@code getX()} / {@code isX()} getters. Each is a {@link MethodHandle} typed
 * {@code (Object)Object}, so reading a property on the hot path is a map lookup and an invocation.
 *
 * <p>Classes of the JDK itself ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}) have no
 * properties here, so a path cannot wander into {@code String.getBytes()} or a class loader.
 */
final class Accessors {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<Map<String, MethodHandle>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return find(type);
        }
    };

    private Accessors() {
    }

    /** The property's value, or {@code missing} when the class has no such property. */
    static Object read(Object target, String property, Object missing) throws Throwable {
        MethodHandle getter = PROPERTIES.get(target.getClass()).get(property);
        return getter == null ? missing : (Object) getter.invokeExact(target);
    }

    private static Map<String, MethodHandle> find(Class<?> type) {
        Map<String, MethodHandle> found = new HashMap<>();
        if (isJdk(type)) {
            return found;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                put(found, component.getName(), component.getAccessor());
            }
            return found;
        }
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            if (name.length() > 3 && name.startsWith("get")) {
                put(found, decapitalize(name.substring(3)), method);
            } else if (name.length() > 2 && name.startsWith("is") && method.getReturnType() == boolean.class) {
                put(found, decapitalize(name.substring(2)), method);
            }
        }
        return found;
    }

    private static void put(Map<String, MethodHandle> found, String name, Method method) {
        try {
            method.setAccessible(true); // public getters of non-public classes (a private nested record)
        } catch (RuntimeException e) {
            // not opened to us: try the public lookup below, or leave the property out
        }
        try {
            found.put(name, MethodHandles.lookup().unreflect(method).asType(GETTER));
        } catch (IllegalAccessException | RuntimeException e) {
            // unreadable: the path resolves to "missing", and the condition fails closed
        }
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    /** {@code Amount} -> {@code amount}, {@code URL} -> {@code URL} (the JavaBeans rule). */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
