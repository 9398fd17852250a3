package dev.veto.engine;

import static dev.veto.engine.SeedPolicyTableTest.SEED;
import static dev.veto.engine.SeedPolicyTableTest.ctx;
import static dev.veto.engine.SeedPolicyTableTest.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.veto.engine.approval.ApprovalListener;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.log.DecisionRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A held call's masked values (the seed's {@code arguments.card_number} and {@code context.session_token})
 * never reach a reviewer or the log in the clear, whether the log keeps records or not: the request a
 * channel is handed when the call opens, the request found later, the decision line and the approval line.
 * The reviewer's copies and the log's are one redaction; this holds them both to the policy.
 */
class HeldCallRedactionTest {

    static final String CARD = "4111111111111111";
    static final String TOKEN = "s3cr3t-session";

    @Test
    void withTheLogOnNeitherTheReviewerNorTheLogSeesAMaskedValue() throws Exception {
        RecordingLog log = new RecordingLog();
        List<ApprovalRequest> presented = new CopyOnWriteArrayList<>();
        try (Veto veto = engine(log, presented)) {
            Map<String, Object> arguments = refund(500);
            arguments.put("card_number", CARD);
            Map<String, Object> context = ctx("role", "support_l1", "userId", "u-1", "session_token", TOKEN);
            Decision held = veto.protect("issue_refund", arguments, context);
            assertEquals(Action.APPROVAL_REQUIRED, held.action());

            ApprovalRequest found = veto.approvals().find(held.id()).orElseThrow();
            assertMasked(found.arguments(), found.context(), "the request found by id");
            assertEquals(1, presented.size());
            assertMasked(presented.get(0).arguments(), presented.get(0).context(), "the request a channel is handed");
            DecisionRecord decisionLine = log.ofKind("decision").get(0);
            assertMasked(decisionLine.arguments(), decisionLine.context(), "the decision line");

            veto.approvals().resolve(held.id(), true, "sam", "fine", found.argumentsHash());
            DecisionRecord approvalLine = log.ofKind("approval").get(0);
            assertEquals(held.id(), approvalLine.decisionId());
            assertMasked(approvalLine.arguments(), approvalLine.context(), "the approval line");

            assertEquals(CARD, arguments.get("card_number"), "the caller's arguments are untouched");
            assertEquals(TOKEN, context.get("session_token"), "the caller's context is untouched");
            assertEquals(CallHash.of("issue_refund", arguments), found.argumentsHash(),
                    "the answer binds to the unredacted call");
        }
    }

    @Test
    void theCallsHashShownToReviewersCannotConfirmAGuessOfAMaskedValue() throws Exception {
        // A reviewer sees every argument but the masked one, and the hash of the whole call. Were that hash a
        // plain SHA-256 of the call's canonical text, hashing each guess of the card number (a few million
        // for a known bank and last four digits) would find the one shown: the mask would hide nothing.
        try (Veto veto = engine(DecisionLog.discard(), new CopyOnWriteArrayList<>())) {
            Map<String, Object> arguments = refund(500);
            arguments.put("card_number", CARD);
            Decision held = veto.protect("issue_refund", arguments,
                    ctx("role", "support_l1", "userId", "u-1", "session_token", TOKEN));
            ApprovalRequest shown = veto.approvals().find(held.id()).orElseThrow();
            StringBuilder guess = new StringBuilder("\"issue_refund\"\n{");
            new java.util.TreeMap<>(arguments).forEach((k, v) -> guess.append('"').append(k).append("\":")
                    .append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v)).append(','));
            guess.append('}');
            assertFalse(shown.argumentsHash().equals(
                    dev.veto.engine.policy.PolicyLoader.contentHash(guess.toString())),
                    "the shown hash confirms the guess " + guess);
            assertEquals(shown.argumentsHash(), veto.approvals().find(held.id()).orElseThrow().argumentsHash(),
                    "the same call keeps one hash, so an answer can still bind to it");
        }
    }

    @Test
    void withTheLogOffTheReviewerStillSeesNoMaskedValue() throws Exception {
        List<ApprovalRequest> presented = new CopyOnWriteArrayList<>();
        try (Veto veto = engine(DecisionLog.discard(), presented)) {
            Map<String, Object> arguments = refund(500);
            arguments.put("card_number", CARD);
            Decision held = veto.protect("issue_refund", arguments,
                    ctx("role", "support_l1", "userId", "u-1", "session_token", TOKEN));
            assertEquals(Action.APPROVAL_REQUIRED, held.action());
            assertMasked(presented.get(0).arguments(), presented.get(0).context(), "the request a channel is handed");
            ApprovalRequest found = veto.approvals().find(held.id()).orElseThrow();
            assertMasked(found.arguments(), found.context(), "the request found by id");
        }
    }

    static Veto engine(DecisionLog log, List<ApprovalRequest> presented) throws Exception {
        ApprovalRegistry registry = new ApprovalRegistry();
        registry.addListener(new ApprovalListener() {
            @Override
            public void opened(ApprovalRequest request) {
                presented.add(request);
            }
        });
        return Veto.builder().policyFile(SEED).decisionLog(log).approvals(registry).build();
    }

    static void assertMasked(Map<String, Object> arguments, Map<String, Object> context, String where) {
        assertEquals("***", arguments.get("card_number"), where);
        assertEquals("***", context.get("session_token"), where);
        assertEquals(500, arguments.get("amount"), where + ": what is not masked is shown as it is");
        assertEquals("u-1", context.get("userId"), where + ": what is not masked is shown as it is");
        assertFalse(String.valueOf(arguments).contains(CARD), where + ": " + arguments);
        assertFalse(String.valueOf(context).contains(TOKEN), where + ": " + context);
    }
}
