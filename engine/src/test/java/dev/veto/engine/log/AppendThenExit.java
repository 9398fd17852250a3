package dev.veto.engine.log;

import java.nio.file.Path;
import java.util.Map;

/** Run in a child JVM: appends records and leaves main without closing or flushing the log. */
public final class AppendThenExit {

    private AppendThenExit() {
    }

    public static void main(String[] args) throws Exception {
        JsonlDecisionLog log = JsonlDecisionLog.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            log.append(Records.decision("d-" + i, Map.of("i", i)));
        }
        if (args.length > 2 && args[2].equals("exit")) {
            System.exit(0);
        }
    }
}
