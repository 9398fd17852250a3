package dev.veto.agent.weave;

import java.lang.ref.WeakReference;

/**
 * One woven tool method: what the check needs at call time, fixed when the method was woven. The advice
 * refers to it by {@link #id()} only, an int constant baked into the bytecode.
 *
 * <p>A class rather than a record because it carries one lazily filled, per-class-loader slot
 * ({@link #loaderState}) that the call path fills on first use.
 */
public final class ToolSite {

    private final int id;
    private final String tool;
    private final String[] parameterNames;
    private final String declaringType;
    private final String method;
    private final WeakReference<ClassLoader> loader;
    private volatile Object loaderState;

    ToolSite(int id, String tool, String[] parameterNames, String declaringType, String method, ClassLoader loader) {
        this.id = id;
        // Interned, once per woven method: the engine interns the policy's tool names and paths' keys, so
        // its tool lookup and its reads of the argument map find these Strings by identity, without
        // comparing their characters (memory a call would otherwise read from a cold cache).
        this.tool = tool.intern();
        this.parameterNames = new String[parameterNames.length];
        for (int i = 0; i < parameterNames.length; i++) {
            this.parameterNames[i] = parameterNames[i].intern();
        }
        this.declaringType = declaringType;
        this.method = method;
        this.loader = new WeakReference<>(loader);
    }

    public int id() {
        return id;
    }

    /** The tool's name in the policy. */
    public String tool() {
        return tool;
    }

    /** How many parameters the method has. */
    public int arity() {
        return parameterNames.length;
    }

    /** The name of parameter {@code index} in the argument map. */
    public String parameterName(int index) {
        return parameterNames[index];
    }

    /** The declaring class's binary name. */
    public String declaringType() {
        return declaringType;
    }

    /** The method's name and descriptor, for messages. */
    public String method() {
        return method;
    }

    /** The class loader of the declaring class (null: the bootstrap loader, or it was collected). */
    public ClassLoader loader() {
        return loader.get();
    }

    /** State the call path derives from the class loader once and keeps here; null until then. */
    public Object loaderState() {
        return loaderState;
    }

    public void loaderState(Object state) {
        this.loaderState = state;
    }

    @Override
    public String toString() {
        return tool + " (" + declaringType + "#" + method + ")";
    }
}
