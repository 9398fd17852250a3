package dev.veto.agent.logging;

import org.slf4j.LoggerFactory;

/**
 * Binds the agent's relocated SLF4J to {@link StderrLoggerProvider} before anything logs. The relocated
 * copy still reads the application's {@code slf4j.provider} system property (a property name is not a
 * package, so shading leaves it alone) and would try to load the application's provider, which is not of
 * its relocated type; so the property is hidden while the agent's copy initialises (at start-up, before
 * the application's own code runs) and restored at once.
 */
public final class AgentLogging {

    private static final String PROVIDER_PROPERTY = "slf4j.provider";

    private AgentLogging() {
    }

    public static void initialize() {
        String applications = System.getProperty(PROVIDER_PROPERTY);
        if (applications != null) {
            System.clearProperty(PROVIDER_PROPERTY);
        }
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            if (applications != null) {
                System.setProperty(PROVIDER_PROPERTY, applications);
            }
        }
    }
}
