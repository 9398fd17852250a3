package dev.veto.agent.weave;

import java.io.PrintStream;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What the weaver tells the user on stderr: every class it could not weave (the class is then loaded as it
 * was, never half-woven), and with {@code verbose=true} every method it governs.
 */
public final class WeaveReport {

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

    /** A warning of {@link ClassTools#warnings}, or of the weaver's own. */
    void warning(String message) {
        out.println("veto: WARNING: " + message);
    }

    /** Why an exact {@code instrument:} entry governs nothing in the class it names. */
    static String selectsNothingMessage(String typeName, InstrumentRule rule) {
        return "the instrument: entry for " + rule.classPattern() + "#" + rule.method()
                + (rule.parameterTypes() == null ? "" : " " + rule.parameterTypes()) + " governs nothing: " + typeName
                + " declares no such method with a body (is it inherited from a superclass, abstract, or misspelt?"
                + (rule.parameterTypes() == null ? "" : " do the parameter_types fit?")
                + "); name the class that declares the method, or use subtypes_of for an interface";
    }

    /** Why a method a {@code subtypes_of} entry selects is not governed in a subtype. */
    static String inheritedUngovernedMessage(String typeName, InheritedTools.Inherited inherited, String obstacle) {
        return typeName + "#" + inherited.method().name() + " is NOT governed: an instrument: entry selects it by"
                + " subtypes_of, but " + typeName + " inherits it from " + inherited.declaringClass()
                + ", which the entry does not select, and the agent cannot give it an override (" + obstacle
                + "); add an entry with class: " + inherited.declaringClass() + " to govern it there";
    }

    /** Why a tool annotation on an abstract or native method governs nothing. */
    static String toolWithoutBodyMessage(String typeName, MethodShape method, String annotation) {
        return typeName + "#" + method.name() + " carries @" + annotation + " but is "
                + ((method.access() & Opcodes.ACC_NATIVE) != 0 ? "native" : "abstract") + ", so it is NOT governed,"
                + " nor is a method that implements it without a tool annotation of its own (a method's annotations are"
                + " not inherited); annotate each implementing method, or add an instrument: entry with subtypes_of: "
                + typeName + " and method: " + method.name();
    }

    void failed(String typeName, Throwable error) {
        out.println("veto: WARNING: could not inspect or weave " + typeName + " (the class is left unchanged; if it has tools they are not governed): " + error);
    }
}
