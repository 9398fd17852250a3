package dev.veto.agent.weave;

import java.util.Map;

/**
 * One annotation as written in a class file, known by its type's name only (the annotation's class is never
 * resolved, so an annotation whose library is not on the class path still counts).
 *
 * @param type    the annotation type's binary name ({@code dev.langchain4j.agent.tool.Tool})
 * @param strings its explicitly given string attributes; defaults are not in the class file, so not here
 */
public record AnnotationShape(String type, Map<String, String> strings) {

    public AnnotationShape {
        strings = Map.copyOf(strings);
    }

    /** The attribute's value when given and not blank, else null. */
    String nonBlank(String attribute) {
        String value = strings.get(attribute);
        return value == null || value.isBlank() ? null : value;
    }
}
