package dev.veto.demo;

import java.util.Map;

/** What the model asks for: a tool by name and its JSON-like arguments, as an LLM API returns them. */
record ToolCall(String tool, Map<String, Object> arguments) {

    /** Arguments in the order given, {@code order_id=A-1001, amount=45}. */
    String argumentText() {
        StringBuilder text = new StringBuilder();
        arguments.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name).append('=').append(value);
        });
        return text.toString();
    }
}
