package dev.veto.bench.startup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * An application whose start-up the harness times: how to start it, which stdout line says {@code main}
 * was reached, which says the first governed call returned, and which line proves whether the agent
 * governed it (so a run with the agent that was not governed is refused, not measured).
 *
 * @param name              how the results name it
 * @param classPath         its class path
 * @param mainClass         its main class
 * @param mainReached       the first line main prints
 * @param firstCallDone     the line printed after the first governed call returned
 * @param governedWhen      given every line read up to the end of the run, whether the agent governed it
 * @param waitForExit       whether the run ends by itself quickly (else the harness stops it after the
 *                          first call: the demo then waits for approvals nobody gives)
 * @param agentOptions      appended to the agent's options in the runs with the agent ({@code ""} or
 *                          {@code ",log=FILE"})
 */
record StartupApp(String name, String classPath, String mainClass, Predicate<String> mainReached,
        Predicate<String> firstCallDone, Predicate<List<String>> governedWhen, boolean waitForExit,
        String agentOptions) {

    /**
     * The same application with the decision log on ({@code log=}). Every governed start appends to the one
     * file, so from the second start on the agent continues an existing log, as a restarted service does.
     */
    StartupApp withDecisionLog(Path log) {
        return new StartupApp(name + " with `log=`", classPath, mainClass, mainReached, firstCallDone,
                governedWhen, waitForExit, agentOptions + ",log=" + log);
    }

    static StartupApp hello(String classPath) {
        return new StartupApp("hello-world", classPath, HelloTools.class.getName(),
                line -> line.equals(HelloTools.MAIN_REACHED),
                line -> line.startsWith(HelloTools.FIRST_CALL_DONE),
                lines -> lines.contains(HelloTools.DENIED) && !lines.contains(HelloTools.RAN),
                true, "");
    }

    /** The demo app (demo-app module): its transcript's first line, and its first tool result line. */
    static StartupApp demo(String classPath) {
        return new StartupApp("demo-app", classPath, "dev.veto.demo.SupportAgentDemo",
                line -> line.startsWith("Veto demo:"),
                line -> line.startsWith("tool    :"),
                lines -> lines.stream().anyMatch(l -> l.startsWith("Protected by:") && !l.contains("NO Veto agent")),
                false, "");
    }
}
