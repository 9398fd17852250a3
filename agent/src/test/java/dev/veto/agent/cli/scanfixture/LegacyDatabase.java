package dev.veto.agent.cli.scanfixture;

/** A class with no annotation at all, governed through the scan policy's instrument: entry; never run. */
public class LegacyDatabase {

    public void dropEverything(String schema) {
        throw new UnsupportedOperationException(schema);
    }

    public int count(String table) {
        return table.length();
    }
}
