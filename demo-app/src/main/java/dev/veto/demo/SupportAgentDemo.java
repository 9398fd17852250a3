package dev.veto.demo;

import dev.veto.ToolDeniedException;
import dev.veto.VetoContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A customer-support agent with a scripted model, run under the Veto agent. It prints a transcript:
 * the model's request, Veto's decision with its rule and reason, and what the tool did or the refusal
 * the model got back.
 *
 * <p>Exit codes: 0 the script ran; 2 bad arguments; 3 a destructive statement ran while not in shadow
 * mode (the tools were not protected).
 */
public final class SupportAgentDemo {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int UNPROTECTED = 3;

    private static final int RATE_LIMITED_REFUND = 21;

    private final SupportTools tools = new SupportTools();
    private final ToolBox toolBox = new ToolBox(tools);
    private final Transcript transcript = new Transcript(System.out);
    private final AgentSettings settings;
    private final Optional<DecisionLogTail> log;
    private final boolean interactive;
    private boolean logMissingNoted;

    private SupportAgentDemo(AgentSettings settings, Optional<DecisionLogTail> log, boolean interactive) {
        this.settings = settings;
        this.log = log;
        this.interactive = interactive;
    }

    public static void main(String[] args) throws IOException {
        boolean interactive = false;
        for (String arg : args) {
            if (arg.equals("--interactive")) {
                interactive = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: ./demo.sh [--interactive]   (runs this class under -javaagent:veto-agent.jar)");
                System.exit(OK);
            } else {
                System.err.println("unknown argument '" + arg + "': the demo takes only --interactive (try --help)");
                System.exit(USAGE);
            }
        }
        AgentSettings settings = AgentSettings.fromThisJvm();
        Optional<DecisionLogTail> log = settings.decisionLog().map(DecisionLogTail::new);
        if (log.isPresent()) {
            log.get().skipExisting();
        }
        System.exit(new SupportAgentDemo(settings, log, interactive).run());
    }

    private int run() {
        transcript.header("Veto demo: a customer-support agent with a scripted model (no network, no key)");
        transcript.header("Protected by: " + settings.describe());
        List<Scene> scenes = ScriptedModel.scenes();
        int number = 0;
        for (Scene scene : scenes) {
            number++;
            transcript.scene(number, scene.title());
            if (number == 2) {
                transcript.note(approvalNote());
            }
            play(scene);
        }
        transcript.scene(++number, "the 21st refund in an hour (rate limited)");
        busyHour();
        return finish();
    }

    private String approvalNote() {
        if (settings.shadow()) {
            return "shadow mode holds nothing: the call runs and the log says what enforce would have done";
        }
        if (interactive) {
            return "--interactive: YOU are the supervisor; approve or deny on the console prompt or the reviewer page";
        }
        return "nobody reviews in this scripted run; demo.sh cuts the policy's approval timeout to 3s so it takes seconds";
    }

    private void play(Scene scene) {
        try (var ignored = VetoContext.with(scene.context())) {
            transcript.customer(scene.customer());
            for (Scene.Step step : scene.steps()) {
                transcript.model(call(step.call()) ? step.ifRan() : step.ifRefused());
            }
        }
    }

    /** Calls a tool and tells the transcript what happened; true when the tool ran. */
    private boolean call(ToolCall call) {
        transcript.request(call);
        try {
            String result = toolBox.invoke(call);
            showDecisions(call);
            transcript.tool(result);
            return true;
        } catch (ToolDeniedException refused) {
            showDecisions(call);
            transcript.refusal(refused.getMessage());
            return false;
        }
    }

    private void showDecisions(ToolCall call) {
        log.ifPresent(tail -> {
            List<LoggedDecision> lines = tail.linesFor(call.tool());
            if (lines.isEmpty() && !logMissingNoted) {
                logMissingNoted = true;
                transcript.note("no decision line in " + tail.file() + ": the transcript shows only what the application saw");
            }
            transcript.decisions(lines);
        });
    }

    private void busyHour() {
        try (var ignored = VetoContext.with(ScriptedModel.BUSY_L1_AGENT)) {
            transcript.customer("(a busy hour: many customers ask agent-cat for small $20 refunds)");
            if (settings.shadow()) {
                transcript.note("shadow mode: refunds enforce would have refused ran too, so the rate limit counts fewer than ran");
            }
            int quietlyIssued = 0;
            while (tools.refundsIssued() < RATE_LIMITED_REFUND) {
                int refundNumber = tools.refundsIssued() + 1;
                ToolCall refund = ScriptedModel.busyHourRefund(refundNumber);
                if (refundNumber < RATE_LIMITED_REFUND - 1) {
                    if (!quietly(refund)) {
                        transcript.note("refund #" + refundNumber + " was refused early");
                        return;
                    }
                    quietlyIssued++;
                    continue;
                }
                if (quietlyIssued > 0) {
                    transcript.note(quietlyIssued + " more $20 refunds were allowed and ran, not shown; refunds this hour: "
                            + tools.refundsIssued());
                    quietlyIssued = 0;
                }
                transcript.note("refund #" + refundNumber + " this hour");
                if (!call(refund)) {
                    transcript.model("I cannot issue more refunds right now; a colleague will follow up.");
                    return;
                }
            }
        }
    }

    /** A call whose transcript is left out; true when the tool ran. */
    private boolean quietly(ToolCall call) {
        try {
            toolBox.invoke(call);
            log.ifPresent(tail -> tail.linesFor(call.tool()));
            return true;
        } catch (ToolDeniedException refused) {
            log.ifPresent(tail -> tail.linesFor(call.tool()));
            return false;
        }
    }

    private int finish() {
        boolean shadow = settings.shadow();
        if (tools.destructiveCallRan() && !shadow) {
            transcript.end("RESULT: UNPROTECTED, a destructive statement ran. Start the demo with ./demo.sh.");
            return UNPROTECTED;
        }
        transcript.end(shadow
                ? "RESULT: shadow mode ran every call and logged what enforce would have done ("
                        + tools.refundsIssued() + " refunds issued)."
                : "RESULT: the database is intact; " + tools.refundsIssued() + " refunds issued, none over the limits.");
        return OK;
    }
}
