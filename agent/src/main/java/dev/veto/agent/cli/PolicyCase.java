package dev.veto.agent.cli;

import dev.veto.engine.Action;
import java.util.Map;

/**
 * One case of a policy's unit tests: a call and the decision it must get.
 *
 * @param name      what the case shows
 * @param where     {@code file:line} of the case, for the report
 * @param tool      the tool called
 * @param arguments the call's arguments
 * @param context   the caller's context
 * @param expect    the action the policy must decide
 * @param rule      the rule that must decide, or null when any may ({@code default} for default_action)
 * @param times     how often the call is made in a row (the expectation is about the last), for rate limits
 */
record PolicyCase(String name, String where, String tool, Map<String, Object> arguments, Map<String, Object> context,
                  Action expect, String rule, int times) {

    /** The rule name a case uses for "no rule decided, default_action did". */
    static final String DEFAULT_ACTION = "default_action";
}
