package dev.veto.engine;

import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.log.DecisionRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A decision log that keeps its records in memory, for tests. */
final class RecordingLog implements DecisionLog {

    final List<DecisionRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void append(DecisionRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    List<DecisionRecord> ofKind(String kind) {
        return records.stream().filter(r -> r.kind().equals(kind)).toList();
    }
}
