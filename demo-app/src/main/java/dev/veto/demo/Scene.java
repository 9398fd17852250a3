package dev.veto.demo;

import java.util.List;
import java.util.Map;

/**
 * One conversation of the script: who the agent acts for, what the customer says, and what the scripted
 * model asks for in turn.
 *
 * @param title    what the scene shows
 * @param context  the caller's context the application sets (role, user id)
 * @param customer the customer's message
 * @param steps    the model's tool calls, each with its reply when the call ran and when it was refused
 */
record Scene(String title, Map<String, Object> context, String customer, List<Step> steps) {

    /**
     * @param call       the tool call the model asks for
     * @param ifRan      what the model says when the tool ran
     * @param ifRefused  what the model says when the call was refused
     */
    record Step(ToolCall call, String ifRan, String ifRefused) {
    }
}
