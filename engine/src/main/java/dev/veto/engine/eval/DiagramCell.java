package dev.veto.engine.eval;

import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Where a tool's {@link DecisionDiagram} lives once built. Building one takes from a fraction of a
 * millisecond to a few (more while the JVM is cold), too long for policy load (a 1,000-rule policy would
 * load a second slower) or for a call to wait on. So a diagram is built only for a tool that is called
 * again: its second call asks a background thread ({@code veto-decision-diagrams}, a daemon that ends when
 * idle) to build it, and calls use it from when it is ready. Until then, and for a tool whose diagram
 * cannot be built, calls are judged check by check ({@link RankFirst}), with the same decisions.
 *
 * <p>The system property {@code veto.decisionDiagrams} changes when: {@code background} (the default),
 * {@code now} (on the tool's first call, on the calling thread: the engine's tests use it, so that every
 * call they make is decided by the diagram when there is one), or {@code off} (never).
 */
final class DiagramCell {

    enum Mode { BACKGROUND, NOW, OFF }

    static final String PROPERTY = "veto.decisionDiagrams";
    static final Mode MODE = mode(System.getProperty(PROPERTY));

    /** Marks a tool whose diagram cannot be built (see {@link DiagramBuilder#build}). */
    private static final DecisionDiagram UNBUILDABLE = DecisionDiagram.none();

    private final Mode mode;
    private volatile DecisionDiagram built;
    /** Set by the first call; racy on purpose: a lost write only asks one call later. */
    private boolean called;
    private volatile boolean asked;
    /** What the build needs; dropped once built. */
    private DiagramBuilder.Input input;

    /** No diagram is built when the input has no {@link RankOrder}. */
    DiagramCell(DiagramBuilder.Input input, Mode mode) {
        this.mode = mode;
        this.input = input;
        if (input.order() == null || mode == Mode.OFF) {
            built = UNBUILDABLE;
            release();
        }
    }

    /** The diagram when it is ready; null otherwise (and then perhaps asks for it). */
    DecisionDiagram get() {
        DecisionDiagram diagram = built;
        if (diagram == null) {
            diagram = whenNotBuilt();
        }
        return diagram == UNBUILDABLE ? null : diagram;
    }

    private DecisionDiagram whenNotBuilt() {
        if (mode == Mode.NOW) {
            build();
            return built;
        }
        if (!called) {
            called = true;
        } else if (!asked) {
            asked = true;
            Builds.EXECUTOR.execute(this::build);
        }
        return null;
    }

    private synchronized void build() {
        if (built != null) {
            return;
        }
        DecisionDiagram diagram;
        try {
            diagram = DiagramBuilder.build(input);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            diagram = null; // a diagram is only a faster way to the same decision: without one, calls go check by check
        }
        built = diagram == null ? UNBUILDABLE : diagram;
        release();
    }

    /**
     * Lets go of what only a build needs. Until then a cell keeps its tool's program builder (the checks'
     * shapes, slots and places): a tool called once (say one of many names a glob matches, of the 10,000
     * {@link CompiledPolicy} remembers) keeps it until the policy is replaced.
     */
    private void release() {
        input = null;
    }

    /**
     * The mode a value of the property names. An unknown value is warned about and ignored rather than
     * refused: the property only tunes speed, and refusing would stop the engine from deciding at all.
     */
    static Mode mode(String value) {
        if (value == null || value.isBlank()) {
            return Mode.BACKGROUND;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(DiagramCell.class).warn("veto: system property {}={} is not one of background, now,"
                    + " off; using background", PROPERTY, value);
            return Mode.BACKGROUND;
        }
    }

    /** The one background thread, created when first needed (holder idiom). */
    private static final class Builds {
        static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "veto-decision-diagrams");
                    thread.setDaemon(true);
                    // it needs no application class: holding the caller's loader could keep a redeployed
                    // application's classes alive while the thread lives
                    thread.setContextClassLoader(null);
                    return thread;
                });
    }
}
