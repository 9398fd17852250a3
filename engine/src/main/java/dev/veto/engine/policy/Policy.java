package dev.veto.engine.policy;

import dev.veto.engine.Action;
import java.util.List;

/**
 * A loaded, validated policy: what the file says, with matchers already compiled.
 *
 * @param source        the file's path or the name given to a policy string
 * @param hash          SHA-256 of the policy text ({@link #contentHash()}), computed when first needed
 * @param name          {@code name:}
 * @param project       {@code project:}, or null
 * @param mode          {@code mode:} (enforce when absent)
 * @param defaultAction {@code default_action:} (deny when absent): the decision when no rule has an opinion
 * @param defaultApproval how a call held by {@code default_action: require_approval} is held
 * @param redact        {@code redact:} paths masked in the decision log and on a reviewer's screen
 * @param rules         {@code rules:} in file order
 * @param instrument    {@code instrument:} entries: methods the agent governs without annotations
 */
public record Policy(
        String source,
        ContentHash hash,
        String name,
        String project,
        Mode mode,
        Action defaultAction,
        ApprovalSpec defaultApproval,
        List<String> redact,
        List<Rule> rules,
        List<InstrumentEntry> instrument) {

    /** A policy whose hash is already known (hex). */
    public Policy(String source, String contentHash, String name, String project, Mode mode, Action defaultAction,
            ApprovalSpec defaultApproval, List<String> redact, List<Rule> rules, List<InstrumentEntry> instrument) {
        this(source, ContentHash.known(contentHash), name, project, mode, defaultAction, defaultApproval, redact,
                rules, instrument);
    }

    /** SHA-256 (hex) of the policy text: the policy's identity in the decision log. */
    public String contentHash() {
        return hash.hex();
    }
}
