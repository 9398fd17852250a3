package dev.veto.agent.weave;

import java.util.List;

/**
 * The annotations, known by name only so the agent depends on none of their libraries, that make a method
 * a tool or name a parameter.
 */
public final class ToolAnnotations {

    /** Tool annotations; each has a {@code name} attribute that, when not empty, is the tool's name. */
    public static final List<String> TOOL = List.of(
            "dev.veto.Tool",
            "dev.langchain4j.agent.tool.Tool",
            "org.springframework.ai.tool.annotation.Tool");

    /** What every tool annotation's descriptor ends with: the raw-bytes pre-filter looks for it. */
    static final String DESCRIPTOR_SUFFIX = "/Tool;";

    /** Our parameter annotation: {@code value} is the argument's name. */
    static final String VETO_PARAM = "dev.veto.ToolParam";

    /** LangChain4j's: {@code name} is the argument's name ({@code value} is its description). */
    static final String LANGCHAIN4J_PARAM = "dev.langchain4j.agent.tool.P";

    private ToolAnnotations() {
    }
}
