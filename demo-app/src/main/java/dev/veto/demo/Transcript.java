package dev.veto.demo;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the conversation. Each line starts with who speaks, padded, so a person can scan it and a test
 * can match it: {@code customer>}, {@code model   >} (the model's words or its tool request),
 * {@code veto    :} (the decision), {@code tool    :} (what the tool did), {@code refusal :} (the error the
 * model got back in place of a result).
 */
final class Transcript {

    private final PrintStream out;

    Transcript(PrintStream out) {
        this.out = out;
    }

    void header(String text) {
        out.println(text);
    }

    void scene(int number, String title) {
        out.println();
        out.println("== Scene " + number + ": " + title + " ==");
    }

    void note(String text) {
        out.println("   (" + text + ")");
    }

    void customer(String text) {
        out.println("customer> " + text);
    }

    void model(String text) {
        out.println("model   > " + text);
    }

    void request(ToolCall call) {
        out.println("model   > calls " + call.tool() + "(" + call.argumentText() + ")");
    }

    void tool(String result) {
        out.println("tool    : " + result);
    }

    void refusal(String message) {
        out.println("refusal : " + message);
    }

    /** The decision lines of one call; none when the log has no line for it (the refusal still says why). */
    void decisions(List<LoggedDecision> lines) {
        for (LoggedDecision line : lines) {
            out.println("veto    : " + describe(line));
        }
    }

    private static String describe(LoggedDecision line) {
        if (line.isApproval()) {
            String reviewer = line.reviewer() == null ? "" : " by " + line.reviewer();
            return "approval " + line.outcome() + reviewer + " -> " + upper(line.action()) + because(line.reason());
        }
        String rule = line.rule() == null ? "default_action" : "rule " + line.rule();
        String verdict = line.isHeld() ? "HOLD for approval" : upper(line.action());
        if (line.isShadow()) {
            return "shadow mode, enforce would " + verdict + " (" + rule + ")" + because(line.reason())
                    + "; the call runs";
        }
        return verdict + " (" + rule + ")" + because(line.reason());
    }

    private static String because(String reason) {
        return reason == null || reason.isEmpty() ? "" : ": " + reason;
    }

    private static String upper(String action) {
        return action == null ? "?" : action.toUpperCase(java.util.Locale.ROOT);
    }

    void end(String text) {
        out.println();
        out.println(text);
    }
}
