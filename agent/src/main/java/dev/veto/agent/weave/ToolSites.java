package dev.veto.agent.weave;

import java.util.Arrays;

/**
 * Every woven tool method, by the int id baked into its advice. Written at weave time (rarely, under a
 * lock), read on every governed call (one volatile read and an array index, no lock, no lookup).
 */
public final class ToolSites {

    private volatile ToolSite[] sites = new ToolSite[64];
    private int size;

    /** Registers a woven method and returns its site. */
    synchronized ToolSite register(String tool, String[] parameterNames, String declaringType, String method, ClassLoader loader) {
        ToolSite[] current = sites;
        if (size == current.length) {
            current = Arrays.copyOf(current, size * 2);
        }
        ToolSite site = new ToolSite(size, tool, parameterNames, declaringType, method, loader);
        current[size++] = site;
        sites = current; // publish after the slot is filled
        return site;
    }

    /** The site with this id, or null when there is none (a forged or stale id). */
    public ToolSite get(int id) {
        ToolSite[] current = sites;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    /** How many methods have been woven. */
    public synchronized int size() {
        return size;
    }
}
