package dev.veto.agent.logging;

/**
 * Points the agent's relocated SLF4J at {@link StderrLoggerProvider}. SLF4J then loads that class directly
 * when the engine first logs, instead of scanning every jar of the class path for service files (tens of
 * milliseconds of start-up), and says nothing about it (internal verbosity WARN).
 *
 * <p>The two property names below are SLF4J's own, but in the agent jar the shade plugin renames them, in
 * the relocated SLF4J and here alike, to {@code dev.veto.shaded.slf4j.*} (see the agent's pom). So they
 * are set for good, and at no time does the application's own SLF4J read them (it would try to load a
 * provider of the agent's relocated type), nor the agent's SLF4J the application's. Binding is left to the
 * first logger the engine asks for, on the engine's start-up thread, off premain's path.
 */
public final class AgentLogging {

    private static final String PROVIDER_PROPERTY = "slf4j.provider";
    private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private AgentLogging() {
    }

    /** Before anything of the engine logs. */
    public static void initialize() {
        System.setProperty(PROVIDER_PROPERTY, StderrLoggerProvider.class.getName());
        System.setProperty(VERBOSITY_PROPERTY, "WARN");
    }
}
