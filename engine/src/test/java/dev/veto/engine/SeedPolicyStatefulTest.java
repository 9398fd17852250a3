package dev.veto.engine;

import static dev.veto.engine.SeedPolicyTableTest.SEED;
import static dev.veto.engine.SeedPolicyTableTest.ctx;
import static dev.veto.engine.SeedPolicyTableTest.l1;
import static dev.veto.engine.SeedPolicyTableTest.l2;
import static dev.veto.engine.SeedPolicyTableTest.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.ResolveResult;
import dev.veto.engine.log.DecisionRecord;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed policy over several calls: rate limit, budget, approvals and escalation, shadow mode, reload. */
class SeedPolicyStatefulTest {

    /** A clock the test moves by hand, so that windows pass without waiting. */
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final RecordingLog log = new RecordingLog();

    Veto seed() throws PolicyException {
        return Veto.builder().policyFile(SEED).nanoClock(nanos::get).decisionLog(log).build();
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void theTwentyFirstRefundInAnHourIsDeniedAndTheNextHourAllowsAgain() throws Exception {
        try (Veto veto = seed()) {
            for (int i = 1; i <= 20; i++) {
                assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(10), l1()).action(), "refund " + i);
                advance(Duration.ofMinutes(1));
            }
            Decision twentyFirst = veto.protect("issue_refund", refund(10), l1());
            assertEquals(Action.DENY, twentyFirst.action());
            assertEquals("refund-limits", twentyFirst.ruleId());
            assertTrue(twentyFirst.reason().contains("rate limit") && twentyFirst.reason().contains("20/hour"), twentyFirst.reason());
            // a denied call is not let through, so it does not use the window up further
            advance(Duration.ofMinutes(41)); // the first refund (t=0) is now more than an hour old
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(10), l1()).action());
        }
    }

    @Test
    void theBudgetCapsRefundsPerUserPerDayAndSaysWhatIsLeft() throws Exception {
        try (Veto veto = seed()) {
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2()).action());
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2()).action());
            Decision over = veto.protect("issue_refund", refund("1000.01"), l2());
            assertEquals(Action.DENY, over.action());
            assertTrue(over.reason().contains("1000 left, 1000.01 asked"), over.reason());
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(1000), l2()).action(), "exactly what is left");
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(1000), ctx("role", "support_l2", "userId", "someone-else")).action());
            advance(Duration.ofDays(1));
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2()).action(), "a new day");
        }
    }

    @Test
    void aCallRefusedByTheBudgetGivesBackItsRatePermit() throws Exception {
        try (Veto veto = seed()) {
            // 25 refunds over budget: each takes a rate permit first, then the budget refuses and it is given back
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2()).action());
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2()).action());
            for (int i = 0; i < 25; i++) {
                assertEquals(Action.DENY, veto.protect("issue_refund", refund(1500), l2()).action());
            }
            for (int i = 0; i < 18; i++) {
                assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(1), l2()).action(), "refund " + i);
            }
            assertTrue(veto.protect("issue_refund", refund(1), l2()).reason().contains("rate limit"));
        }
    }

    @Test
    void anL1RefundAbove200IsHeldAndTheSupervisorsAnswerDecides() throws Exception {
        try (Veto veto = seed()) {
            Map<String, Object> arguments = refund(350);
            arguments.put("card_number", "4111111111111111");
            Decision held = veto.protect("issue_refund", arguments, l1());
            assertEquals(Action.APPROVAL_REQUIRED, held.action());
            assertEquals(Duration.ofMinutes(5), held.approvalTimeout());
            assertEquals("Refunds above 200 need a supervisor's approval for L1 support", held.reason());
            assertEquals("rules[0].conditions[1]", held.condition());

            ApprovalRequest request = veto.approvals().find(held.id()).orElseThrow();
            assertEquals("supervisors", request.channel());
            assertEquals("***", request.arguments().get("card_number"), "redacted for the reviewer");
            assertEquals(350, request.arguments().get("amount"));
            assertEquals(64, request.argumentsHash().length());
            assertFalse(request.escalateToAllow());

            assertEquals(ResolveResult.CALL_MISMATCH, veto.approvals().resolve(held.id(), true, "mallory", "ok", "0".repeat(64)));
            assertEquals(ResolveResult.RESOLVED, veto.approvals().resolve(held.id(), true, "sam", "customer is right", request.argumentsHash()));
            Approval approval = veto.waitForApproval(held.id(), held.approvalTimeout());
            assertTrue(approval.granted());
            assertEquals("sam", approval.reviewer());

            DecisionRecord line = log.ofKind("approval").get(0);
            assertEquals(held.id(), line.decisionId());
            assertEquals("allow", line.action());
            assertEquals("sam", line.reviewer());
            assertEquals("GRANTED", line.outcome());
            assertEquals("***", line.arguments().get("card_number"));
        }
    }

    @Test
    void nobodyAnsweringInTimeLetsTheEscalationDenyAndTheHeldCallTookNothing() throws Exception {
        try (Veto veto = seed()) {
            Decision held = veto.protect("issue_refund", refund(4000), l1());
            assertEquals(Action.APPROVAL_REQUIRED, held.action());
            Approval approval = veto.waitForApproval(held.id(), Duration.ofMillis(50));
            assertFalse(approval.granted());
            assertEquals("escalation", approval.reviewer());
            assertEquals(Approval.Outcome.TIMED_OUT, approval.outcome());
            assertEquals("TIMED_OUT", log.ofKind("approval").get(0).outcome());
            // the 4000 was never let through, so the whole 5000 is still there to spend
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2ForSameUser()).action());
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2ForSameUser()).action());
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(1000), l2ForSameUser()).action());
        }
    }

    @Test
    void theInjected50000RefundIsHeldAndTheEscalationDeniesIt() throws Exception {
        try (Veto veto = seed()) {
            Decision held = veto.protect("issue_refund", refund(50_000), l1());
            assertEquals(Action.APPROVAL_REQUIRED, held.action(), held.reason());
            assertEquals("Refunds above 200 need a supervisor's approval for L1 support", held.reason());
            Approval approval = veto.waitForApproval(held.id(), Duration.ofMillis(50));
            assertFalse(approval.granted());
            assertEquals(Approval.Outcome.TIMED_OUT, approval.outcome());
            assertEquals("deny", log.ofKind("approval").get(0).action());
        }
    }

    @Test
    void aReviewerCannotLiftTheBudget() throws Exception {
        try (Veto veto = seed()) {
            Decision held = veto.protect("issue_refund", refund(50_000), l1());
            assertEquals(ResolveResult.RESOLVED, veto.approvals().resolve(held.id(), true, "sam", "looks fine"));
            Approval approval = veto.waitForApproval(held.id(), held.approvalTimeout());
            assertFalse(approval.granted(), "a grant over the budget must not let the refund run");
            assertEquals(Approval.Outcome.LIMIT_REACHED, approval.outcome());
            assertEquals("sam", approval.reviewer());
            assertTrue(approval.reason().startsWith("granted by sam, but budget of rule refund-limits exceeded"), approval.reason());
            assertTrue(approval.reason().contains("5000 left, 50000 asked"), approval.reason());
            assertEquals(Approval.Outcome.LIMIT_REACHED, veto.approvals().outcome(held.id()).orElseThrow().outcome());

            DecisionRecord line = log.ofKind("approval").get(0);
            assertEquals("deny", line.action());
            assertEquals("LIMIT_REACHED", line.outcome());
            assertEquals("sam", line.reviewer());
            // the refused grant took nothing from the budget
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(200), l1()).action());
        }
    }

    @Test
    void aGrantedHeldCallCountsAgainstTheBudgetWhenItIsGranted() throws Exception {
        try (Veto veto = seed()) {
            Decision first = veto.protect("issue_refund", refund(3000), l1());
            Decision second = veto.protect("issue_refund", refund(3000), l1());
            assertEquals(Action.APPROVAL_REQUIRED, second.action(), "holding the first took nothing");
            veto.approvals().resolve(first.id(), true, "sam", null);
            assertTrue(veto.waitForApproval(first.id(), first.approvalTimeout()).granted());
            veto.approvals().resolve(second.id(), true, "sam", null);
            Approval refused = veto.waitForApproval(second.id(), second.approvalTimeout());
            assertEquals(Approval.Outcome.LIMIT_REACHED, refused.outcome());
            assertTrue(refused.reason().contains("2000 left, 3000 asked"), refused.reason());
            assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(2000), l2ForSameUser()).action());
            Decision over = veto.protect("issue_refund", refund(1), l2ForSameUser());
            assertEquals(Action.DENY, over.action(), "the granted 3000 was spent");
            assertTrue(over.reason().contains("0 left, 1 asked"), over.reason());
        }
    }

    @Test
    void heldCallsDoNotUseUpTheRateLimitWhileTheyWait() throws Exception {
        try (Veto veto = seed()) {
            for (int i = 0; i < 25; i++) {
                assertEquals(Action.APPROVAL_REQUIRED, veto.protect("issue_refund", refund(201), l1()).action());
            }
            for (int i = 1; i <= 20; i++) {
                assertEquals(Action.ALLOW, veto.protect("issue_refund", refund(1), l1()).action(), "refund " + i);
            }
            Decision held = veto.protect("issue_refund", refund(201), l1());
            veto.approvals().resolve(held.id(), true, "sam", null);
            Approval approval = veto.waitForApproval(held.id(), held.approvalTimeout());
            assertEquals(Approval.Outcome.LIMIT_REACHED, approval.outcome());
            assertTrue(approval.reason().contains("rate limit of rule refund-limits reached"), approval.reason());
        }
    }

    @Test
    void racingGrantsSpendTheBudgetExactly() throws Exception {
        try (Veto veto = seed()) {
            List<Decision> held = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                held.add(veto.protect("issue_refund", refund(1000), l1()));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> reviewers = new ArrayList<>();
            for (Decision d : held) {
                reviewers.add(started(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    veto.approvals().resolve(d.id(), true, "sam", null);
                }));
            }
            go.countDown();
            for (Thread t : reviewers) {
                t.join();
            }
            long granted = held.stream().filter(d -> veto.waitForApproval(d.id(), Duration.ofSeconds(5)).granted()).count();
            assertEquals(5, granted, "5000/day lets exactly five grants of 1000 through");
            assertEquals(Action.DENY, veto.protect("issue_refund", refund(1), l1()).action(), "nothing is left");
        }
    }

    static Map<String, Object> l2ForSameUser() {
        return ctx("role", "support_l2", "userId", "u-1");
    }

    @Test
    void anEscalationOfAllowGrantsOnTimeout() throws Exception {
        String policy = """
                name: lenient
                rules:
                  - tool: restart_service
                    action: require_approval
                    approval: {channel: ops, timeout: 30s, escalation: allow}
                """;
        try (Veto veto = Veto.fromString(policy)) {
            Decision held = veto.protect("restart_service", Map.of(), Map.of());
            assertEquals(Duration.ofSeconds(30), held.approvalTimeout());
            Approval approval = veto.waitForApproval(held.id(), Duration.ofMillis(20));
            assertTrue(approval.granted());
            assertEquals(Approval.Outcome.TIMED_OUT, approval.outcome());
        }
    }

    @Test
    void shadowModeAllowsEverythingAndLogsWhatEnforceWouldHaveDone() throws Exception {
        try (Veto veto = Veto.builder().policyFile(SEED).decisionLog(log).shadow(true).build()) {
            Decision delete = veto.protect("delete_database", Map.of("name", "prod"), l2());
            assertEquals(Action.ALLOW, delete.action());
            assertEquals(Action.DENY, delete.enforcedAction());
            assertEquals("never-delete-database", delete.ruleId());
            Decision held = veto.protect("issue_refund", refund(300), l1());
            assertEquals(Action.ALLOW, held.action());
            assertEquals(Action.APPROVAL_REQUIRED, held.enforcedAction());
            assertTrue(veto.approvals().pending().isEmpty(), "nothing is held in shadow mode");

            DecisionRecord line = log.ofKind("decision").get(0);
            assertEquals("deny", line.action());
            assertEquals("shadow", line.mode());
            assertEquals("support-agent", line.policyName());
            assertEquals(veto.policy().contentHash(), line.policyHash().hex());
        }
    }

    @Test
    void modeShadowInThePolicyFileIsShadowModeToo() throws Exception {
        try (Veto veto = Veto.fromString("name: s\nmode: shadow\nrules:\n  - tool: x\n    action: deny\n")) {
            Decision d = veto.protect("x", Map.of(), Map.of());
            assertEquals(Action.ALLOW, d.action());
            assertEquals(Action.DENY, d.enforcedAction());
        }
    }

    @Test
    void everyDecisionIsLoggedWithRedactedArgumentsAndTheRule(@TempDir Path dir) throws Exception {
        try (Veto veto = seed()) {
            Map<String, Object> arguments = refund(10);
            arguments.put("card_number", "4111111111111111");
            Map<String, Object> context = ctx("role", "support_l1", "userId", "u-1", "session_token", "s3cr3t");
            Decision d = veto.protect("issue_refund", arguments, context);
            DecisionRecord line = log.ofKind("decision").get(0);
            assertEquals(d.id(), line.decisionId());
            assertEquals("allow", line.action());
            assertEquals("refund-limits", line.ruleId());
            assertEquals("***", line.arguments().get("card_number"));
            assertEquals("***", line.context().get("session_token"));
            assertEquals("u-1", line.context().get("userId"));
            assertEquals("4111111111111111", arguments.get("card_number"), "the caller's map is untouched");
            assertEquals("enforce", line.mode());
            assertTrue(line.evaluationNanos() > 0);
        }
    }

    @Test
    void aReloadTakesEffectAndAnInvalidChangeKeepsThePreviousPolicy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.copy(SEED, file);
        try (Veto veto = Veto.builder().policyFile(file).nanoClock(nanos::get).build()) {
            assertEquals(Action.ALLOW, veto.protect("lookup_order", Map.of("order_id", "1"), Map.of()).action());

            Files.writeString(file, Files.readString(file).replace("tool: lookup_order\n    action: allow", "tool: lookup_order\n    action: deny"));
            veto.reload();
            assertEquals(Action.DENY, veto.protect("lookup_order", Map.of("order_id", "1"), Map.of()).action());

            Files.writeString(file, Files.readString(file).replace("action: deny\n    reason: Deleting", "acton: deny\n    reason: Deleting"));
            PolicyException refused = assertThrows(PolicyException.class, veto::reload);
            assertTrue(refused.getMessage().startsWith(file + ":"), refused.getMessage());
            assertTrue(refused.getMessage().contains("unknown key 'acton'"), refused.getMessage());
            assertEquals(Action.DENY, veto.protect("delete_database", Map.of(), Map.of()).action(), "the previous policy stays");
            assertEquals(Action.DENY, veto.protect("lookup_order", Map.of("order_id", "1"), Map.of()).action());
        }
    }

    @Test
    void aReloadKeepsTheCountsOfUnchangedRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.copy(SEED, file);
        try (Veto veto = Veto.builder().policyFile(file).nanoClock(nanos::get).build()) {
            for (int i = 0; i < 20; i++) {
                veto.protect("issue_refund", refund(1), l1());
            }
            Files.writeString(file, Files.readString(file) + "\n# a comment changes the file, not the rule\n");
            veto.reload();
            assertTrue(veto.protect("issue_refund", refund(1), l1()).reason().contains("rate limit"));
        }
    }

    @Test
    void theWatcherPutsAValidChangeInForceOnItsOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "name: v1\nrules:\n  - tool: ping\n    action: allow\n");
        try (Veto veto = Veto.builder().policyFile(file).hotReload(true).hotReloadInterval(Duration.ofMillis(20)).build()) {
            assertEquals(Action.ALLOW, veto.protect("ping", Map.of(), Map.of()).action());
            Files.writeString(file, "name: v2\nrules:\n  - tool: ping\n    action: deny\n    reason: maintenance\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!veto.policy().name().equals("v2") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("v2", veto.policy().name());
            assertEquals("maintenance", veto.protect("ping", Map.of(), Map.of()).reason());
        }
    }

    @Test
    void aChangeMadeBeforeTheWatcherFirstLooksIsPutInForceToo(@TempDir Path dir) throws Exception {
        // The agent reads its policy ahead of building the engine (PolicyLoader.withLoaded); the watcher starts
        // later. A change saved in between has an older stamp than the watcher's first, and must not be missed.
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "name: v1\nrules:\n  - tool: ping\n    action: allow\n");
        Policy readAhead = PolicyLoader.standard().load(file);
        Files.writeString(file, "name: v2\nrules:\n  - tool: ping\n    action: deny\n    reason: maintenance\n");
        try (Veto veto = Veto.builder().policyFile(file).loader(PolicyLoader.standard().withLoaded(file, readAhead))
                .hotReload(true).hotReloadInterval(Duration.ofMillis(20)).build()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!veto.policy().name().equals("v2") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("v2", veto.policy().name());
            assertEquals(Action.DENY, veto.protect("ping", Map.of(), Map.of()).action());
        }
    }

    @Test
    void aPolicyThatFailsToLoadDeniesEveryCallAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: b\nrules:\n  - tool: ping\n    acton: allow\n");
        try (Veto veto = Veto.builder().policyFile(file).hotReload(true).hotReloadInterval(Duration.ofMillis(20)).buildOrDenyAll()) {
            Decision d = veto.protect("ping", Map.of(), Map.of());
            assertEquals(Action.DENY, d.action());
            assertTrue(d.reason().contains(file + ":4:5: unknown key 'acton'"), d.reason());
            assertNull(d.ruleId());
            assertTrue(veto.loadFailure().isPresent());
            // fixing the file puts it in force
            Files.writeString(file, "name: fixed\nrules:\n  - tool: ping\n    action: allow\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (veto.loadFailure().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(Action.ALLOW, veto.protect("ping", Map.of(), Map.of()).action());
        }
        try (Veto veto = Veto.denyAll("no policy configured")) {
            assertEquals("no policy configured", veto.protect("anything", Map.of(), Map.of()).reason());
        }
        assertThrows(PolicyException.class, () -> Veto.fromPolicy(dir.resolve("missing.yaml")));
    }

    static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }
}
