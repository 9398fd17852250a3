package dev.veto.agent.logging;

import org.slf4j.LoggerFactory;

/**
 * Binds the agent's relocated SLF4J to {@link StderrLoggerProvider} before anything logs. The relocated
 * copy still reads the application's {@code slf4j.provider} system property (a property name is not a
 * package, so shading leaves it alone) and would try to load the application's provider, which is not of
 * its relocated type. So while the agent's copy initialises (at start-up, before the application's own code
 * runs) the property names the agent's own provider, and is restored at once: SLF4J then loads that class
 * directly instead of scanning every jar for service files (tens of milliseconds of start-up). Its internal
 * verbosity is raised to WARN meanwhile, so it does not announce the explicit provider on stderr.
 */
public final class AgentLogging {

    private static final String PROVIDER_PROPERTY = "slf4j.provider";

    private AgentLogging() {
    }

    private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    public static void initialize() {
        String applications = System.getProperty(PROVIDER_PROPERTY);
        String verbosity = System.getProperty(VERBOSITY_PROPERTY);
        System.setProperty(PROVIDER_PROPERTY, StderrLoggerProvider.class.getName());
        System.setProperty(VERBOSITY_PROPERTY, "WARN");
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            restore(PROVIDER_PROPERTY, applications);
            restore(VERBOSITY_PROPERTY, verbosity);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
