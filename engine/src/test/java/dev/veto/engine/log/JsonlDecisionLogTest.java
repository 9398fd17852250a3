package dev.veto.engine.log;

import static dev.veto.engine.log.LogFiles.lines;
import static dev.veto.engine.log.LogFiles.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlDecisionLogTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream problemText = new ByteArrayOutputStream();
    private final PrintStream problems = new PrintStream(problemText, true, StandardCharsets.UTF_8);

    private JsonlDecisionLog open(Path file) throws IOException {
        return JsonlDecisionLog.open(file, JsonlDecisionLog.DEFAULT_CAPACITY, problems);
    }

    @Test
    void aDecisionLineHasTheDecisionsFieldsAndLeavesOutNulls() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-1", Map.of("amount", new BigDecimal("150.00"), "orderId", "o-9")));
            log.append(Records.approval("d-1"));
        }
        List<String> lines = lines(file);
        assertEquals(2, lines.size());
        ObjectNode decision = parse(lines.get(0));
        assertEquals(List.of("time", "kind", "decision_id", "tool", "action", "rule", "reason", "context", "arguments",
                "mode", "policy", "policy_hash", "eval_ns", "prev", "hash"), fieldNames(decision));
        assertEquals("2026-11-25T19:00:00.123456Z", decision.get("time").asText());
        assertEquals("150.00", decision.get("arguments").get("amount").toString(), "numbers exactly as given");
        assertEquals("support_l1", decision.get("context").get("role").asText());
        assertEquals(1234, decision.get("eval_ns").asLong());
        assertEquals(ChainHash.GENESIS, decision.get("prev").asText());

        ObjectNode approval = parse(lines.get(1));
        assertEquals(List.of("time", "kind", "decision_id", "tool", "action", "rule", "reason", "mode", "policy",
                "policy_hash", "reviewer", "outcome", "waited_ms", "prev", "hash"), fieldNames(approval));
        assertEquals("escalation", approval.get("reviewer").asText());
        assertEquals(300_000, approval.get("waited_ms").asLong());
        assertEquals(decision.get("hash").asText(), approval.get("prev").asText());
        assertTrue(DecisionLogVerifier.verify(file).ok());
    }

    @Test
    void sixteenThreadsAndOneHundredThousandDecisionsGiveExactlyOneLineEach() throws Exception {
        Path file = dir.resolve("busy.jsonl");
        int threads = 16;
        int perThread = 6_250; // 16 x 6,250 = 100,000
        try (JsonlDecisionLog log = open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            log.append(Records.decision("t" + thread + "-" + i, Map.of("amount", i)));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdown();
            }
        }
        List<String> lines = lines(file);
        assertEquals(100_000, lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            int start = line.indexOf("\"decision_id\":\"") + "\"decision_id\":\"".length();
            ids.add(line.substring(start, line.indexOf('"', start))); // cheaper than parsing; the verifier parses
        }
        assertEquals(100_000, ids.size(), "every decision once, none twice");
        for (int t = 0; t < threads; t++) {
            assertTrue(ids.contains("t" + t + "-0") && ids.contains("t" + t + "-" + (perThread - 1)));
        }
        ChainVerification verification = DecisionLogVerifier.verify(file);
        assertTrue(verification.ok(), verification.message());
        assertEquals(100_000, verification.linesChecked());
        assertEquals("", problemText.toString(StandardCharsets.UTF_8));
    }

    @Test
    void flushPutsEverythingAppendedSoFarOnDisk() throws Exception {
        Path file = dir.resolve("flushed.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            for (int i = 0; i < 500; i++) {
                log.append(Records.decision("d-" + i, Map.of()));
            }
            log.flush();
            assertEquals(500, lines(file).size());
            log.append(Records.decision("d-500", Map.of()));
            log.flush();
            assertEquals("d-500", parse(lines(file).get(500)).get("decision_id").asText());
        }
    }

    @Test
    void aLineAppendedWhileTheWriterIsIdleIsWrittenWithoutAFlush() throws Exception {
        Path file = dir.resolve("idle.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            Thread.sleep(100); // long enough for the writer's idle sleep to reach its longest
            log.append(Records.decision("d-idle", Map.of()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines(file).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, lines(file).size(), "the writer looks for work on its own; nobody flushed");
        }
    }

    @Test
    void theCallingThreadDoesNoJson() throws Exception {
        Path file = dir.resolve("offthread.jsonl");
        ThreadRecorder recorder = new ThreadRecorder();
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-1", Map.of("probe", recorder)));
        }
        assertEquals(Set.of("veto-decision-log"), recorder.readBy, "the value is read on the log's thread only");
        assertEquals("read", parse(lines(file).get(0)).get("arguments").get("probe").get("value").asText());
    }

    public static final class ThreadRecorder {
        final Set<String> readBy = ConcurrentHashMap.newKeySet();

        public String getValue() {
            readBy.add(Thread.currentThread().getName());
            return "read";
        }
    }

    @Test
    void oddValuesNeverCostTheLine() throws Exception {
        Path file = dir.resolve("odd.jsonl");
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-1", Map.of(
                    "nan", Double.NaN, "exact", new BigDecimal("200.000000000000000001"), "cyclic", cyclic,
                    "hostile", new Object() {
                        @Override
                        public String toString() {
                            throw new IllegalStateException();
                        }
                    })));
        }
        ObjectNode arguments = (ObjectNode) parse(lines(file).get(0)).get("arguments");
        assertEquals("\"NaN\"", arguments.get("nan").toString());
        assertEquals("200.000000000000000001", arguments.get("exact").toString());
        assertTrue(arguments.get("cyclic").get(0).asText().startsWith("<cycle"));
        assertTrue(arguments.get("hostile").asText().startsWith("<unprintable"));
        assertTrue(DecisionLogVerifier.verify(file).ok());
    }

    @Test
    void randomValuesOfEveryKindGiveLinesThatVerify() throws Exception {
        Path file = dir.resolve("random.jsonl");
        java.util.Random random = new java.util.Random(20261126L);
        try (JsonlDecisionLog log = open(file)) {
            for (int i = 0; i < 500; i++) {
                Map<String, Object> arguments = new java.util.LinkedHashMap<>();
                for (int k = random.nextInt(6); k > 0; k--) {
                    arguments.put(randomText(random), randomValue(random, 0));
                }
                log.append(Records.decision("d-" + i, arguments));
            }
        }
        assertEquals(500, lines(file).size());
        ChainVerification verification = DecisionLogVerifier.verify(file);
        assertTrue(verification.ok(), verification.toString());
    }

    private static Object randomValue(java.util.Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> randomText(random);
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(10) - 3);
            case 4 -> random.nextDouble() * 1e6;
            case 5 -> random.nextBoolean();
            case 6 -> List.of(randomValue(random, depth + 1), randomValue(random, depth + 1));
            default -> Map.of(randomText(random) + "k", randomValue(random, depth + 1));
        };
    }

    /** Texts with control characters, non-ASCII letters, emoji and the odd lone surrogate. */
    private static String randomText(java.util.Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0xC0 + random.nextInt(0x2000)));
                case 2 -> text.append("\uD83D\uDE00");
                case 3 -> text.append(random.nextInt(20) == 0 ? '\uD800' : '"');
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    @Test
    void reopeningALogContinuesItsChain() throws Exception {
        Path file = dir.resolve("continued.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("first-1", Map.of()));
            log.append(Records.decision("first-2", Map.of()));
        }
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("second-1", Map.of()));
        }
        List<String> lines = lines(file);
        assertEquals(3, lines.size());
        assertEquals(parse(lines.get(1)).get("hash").asText(), parse(lines.get(2)).get("prev").asText());
        ChainVerification verification = DecisionLogVerifier.verify(file);
        assertTrue(verification.ok(), verification.message());
        assertEquals(3, verification.linesChecked());
        assertEquals("", problemText.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCutOffTailIsReportedAndANewSegmentStartsRatherThanPretending() throws Exception {
        Path file = dir.resolve("crashed.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-1", Map.of()));
            log.append(Records.decision("d-2", Map.of()));
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 40)); // a crash mid-write

        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-3", Map.of()));
        }
        String reported = problemText.toString(StandardCharsets.UTF_8);
        assertTrue(reported.contains("its last line is cut off") && reported.contains("new chain segment"), reported);
        List<String> lines = lines(file);
        assertEquals(4, lines.size(), "the cut-off line stays a line of its own");
        ObjectNode restart = parse(lines.get(2));
        assertEquals("chain_restart", restart.get("kind").asText());
        assertTrue(restart.get("reason").asText().contains("cut off"));
        assertEquals(ChainHash.GENESIS, restart.get("prev").asText());
        assertEquals(restart.get("hash").asText(), parse(lines.get(3)).get("prev").asText());

        ChainVerification verification = DecisionLogVerifier.verify(file);
        assertFalse(verification.ok());
        assertEquals(2, verification.firstBadLine(), verification.message());
    }

    @Test
    void anEditedLastLineIsNotContinuedEither() throws Exception {
        Path file = dir.resolve("edited-tail.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-1", Map.of("amount", 100)));
        }
        List<String> lines = lines(file);
        LogFiles.write(file, List.of(lines.get(0).replace("\"amount\":100", "\"amount\":1")));
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-2", Map.of()));
        }
        assertTrue(problemText.toString(StandardCharsets.UTF_8).contains("does not match its own hash"));
        assertEquals("chain_restart", parse(lines(file).get(1)).get("kind").asText());
        assertEquals(1, DecisionLogVerifier.verify(file).firstBadLine());
    }

    @Test
    void appendingAfterCloseIsReportedNotSilentlyLost() throws Exception {
        Path file = dir.resolve("closed.jsonl");
        JsonlDecisionLog log = open(file);
        log.append(Records.decision("d-1", Map.of()));
        log.close();
        log.close();
        log.append(Records.decision("late", Map.of()));
        log.flush();
        assertEquals(1, lines(file).size());
        assertTrue(problemText.toString(StandardCharsets.UTF_8).contains("is closed; record not written to it")
                && problemText.toString(StandardCharsets.UTF_8).contains("late"));
    }

    @Test
    void aSmallQueueBlocksTheCallerInsteadOfDroppingLines() throws Exception {
        Path file = dir.resolve("small-queue.jsonl");
        try (JsonlDecisionLog log = JsonlDecisionLog.open(file, 2, problems)) {
            for (int i = 0; i < 2_000; i++) {
                log.append(Records.decision("d-" + i, Map.of("i", i)));
            }
        }
        assertEquals(2_000, lines(file).size());
        assertTrue(DecisionLogVerifier.verify(file).ok());
    }

    @Test
    void aSecondWriterOnTheSameFileIsRefusedWhileTheFirstIsOpen() throws Exception {
        Path file = dir.resolve("shared.jsonl");
        try (JsonlDecisionLog first = open(file)) {
            first.append(Records.decision("d-1", Map.of()));
            IOException refused = assertThrows(IOException.class, () -> open(file));
            assertTrue(refused.getMessage().contains("already open for writing"), refused.getMessage());
        }
        try (JsonlDecisionLog again = open(file)) {
            again.append(Records.decision("d-2", Map.of()));
        }
        assertTrue(DecisionLogVerifier.verify(file).ok());
        assertEquals(2, lines(file).size());
    }

    @Test
    void createsMissingDirectories() throws Exception {
        Path file = dir.resolve("a/b/decisions.jsonl");
        try (JsonlDecisionLog log = open(file)) {
            log.append(Records.decision("d-1", Map.of()));
        }
        assertEquals(1, lines(file).size());
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
