package dev.veto.bootstrap;

import dev.veto.ToolDeniedException;

/**
 * The one class the woven tool methods call. It is appended to the bootstrap class path at start-up, so a
 * tool loaded by any class loader (an isolated one whose parent is the bootstrap or platform loader
 * included) resolves the same class and reaches the same gate.
 *
 * <p>Kept tiny on purpose: every class here must be loadable by the bootstrap loader, so it depends on
 * nothing but the JDK and the annotations ({@code dev.veto.*}), which sit on the bootstrap path beside it.
 */
public final class VetoBridge {

    /** Installed once by the agent before any class is woven; volatile so every thread sees it. */
    private static volatile ToolGate gate;

    private VetoBridge() {
    }

    /** Called by the advice inlined at the start of every governed method. */
    public static void check(int site, Object[] arguments) {
        ToolGate current = gate;
        if (current == null) {
            // Only reachable if a woven class runs before the agent finished installing, or if a
            // child-first class loader loaded a second copy of this class: fail closed.
            throw new ToolDeniedException("unknown", "deny",
                    "the Veto agent is not initialised in this class loader, so the call cannot be authorized",
                    null, null);
        }
        current.check(site, arguments);
    }

    /** Whether an agent has installed its gate in this JVM. */
    public static boolean isInstalled() {
        return gate != null;
    }

    /** Installs the gate; called once by the agent. */
    public static void install(ToolGate newGate) {
        gate = newGate;
    }
}
