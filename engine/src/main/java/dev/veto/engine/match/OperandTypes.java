package dev.veto.engine.match;

import java.util.List;
import java.util.Map;

/** How load errors name the type of an operand written in a policy. */
final class OperandTypes {

    private OperandTypes() {
    }

    static String name(Object operand) {
        if (operand == null) {
            return "null";
        }
        if (operand instanceof String) {
            return "a string";
        }
        if (operand instanceof Boolean) {
            return "a boolean";
        }
        if (operand instanceof Number) {
            return "a number";
        }
        if (operand instanceof List) {
            return "a list";
        }
        if (operand instanceof Map) {
            return "a map";
        }
        return Describe.typeOf(operand);
    }
}
