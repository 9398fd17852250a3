package dev.veto.bootstrap;

/**
 * What the woven advice calls through {@link VetoBridge}: decides one tool call and returns normally to let
 * the method body run, or throws to stop it.
 *
 * <p>Lives on the bootstrap class path (like {@link VetoBridge}) so that a tool class of any class loader
 * can link against it; the agent installs the one implementation.
 */
public interface ToolGate {

    /**
     * @param site      the woven method, as numbered when it was woven
     * @param arguments the call's argument values in declaration order (primitives boxed)
     */
    void check(int site, Object[] arguments);
}
