package dev.veto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a tool method's parameter in the argument map the policy sees ({@code arguments.<name>}).
 * Without it the agent uses the compiled parameter name, the debug local variable name, or {@code argN}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolParam {

    /** The parameter's name in the argument map. */
    String value();
}
