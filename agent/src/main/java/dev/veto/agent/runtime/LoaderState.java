package dev.veto.agent.runtime;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the call path needs to know about a tool's class loader, worked out on the first governed call
 * from that loader and then reused: how to read its {@code VetoContext} and MDC, and which exception to
 * throw.
 */
record LoaderState(ContextReader vetoContext, ContextReader mdc, DenialFactory denials) {

    /** Used when working the state out failed: our own classes, no MDC. */
    static final LoaderState FALLBACK = new LoaderState(ContextReader.VETO_CONTEXT, ContextReader.NONE, DenialFactory.PLAIN);

    /** One state per class loader, shared by all its tool methods; weak so loaders can be collected. */
    static final class Cache {

        private final Map<ClassLoader, LoaderState> byLoader = new WeakHashMap<>();
        private LoaderState bootstrap;

        synchronized LoaderState of(ClassLoader loader) {
            if (loader == null) {
                if (bootstrap == null) {
                    bootstrap = compute(null);
                }
                return bootstrap;
            }
            return byLoader.computeIfAbsent(loader, Cache::compute);
        }

        private static LoaderState compute(ClassLoader loader) {
            return new LoaderState(ContextReader.vetoContext(loader), ContextReader.mdc(loader), DenialFactory.forLoader(loader));
        }
    }
}
