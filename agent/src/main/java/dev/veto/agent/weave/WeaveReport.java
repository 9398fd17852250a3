package dev.veto.agent.weave;

import java.io.PrintStream;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * What the weaver tells the user on stderr: every class it could not weave (the class is then loaded as it
 * was, never half-woven), and with {@code verbose=true} every method it governs.
 */
public final class WeaveReport extends AgentBuilder.Listener.Adapter {

    private final PrintStream out;
    private final boolean verbose;

    public WeaveReport(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    void woven(ToolSite site, String source) {
        if (verbose) {
            out.println("veto: governing " + site + " [" + source + "] arguments " + argumentNames(site));
        }
    }

    private static String argumentNames(ToolSite site) {
        StringBuilder names = new StringBuilder("(");
        for (int i = 0; i < site.arity(); i++) {
            names.append(i == 0 ? "" : ", ").append(site.parameterName(i));
        }
        return names.append(')').toString();
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader classLoader, JavaModule module, boolean loaded,
            DynamicType dynamicType) {
        // reported per method in woven()
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
        out.println("veto: WARNING: could not inspect or weave " + typeName + " (the class is left unchanged; if it has tools they are not governed): " + error);
    }
}
