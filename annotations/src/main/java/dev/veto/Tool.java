package dev.veto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool an AI agent may call. With the Veto agent attached, every call to such a
 * method is authorized by the policy before the method body runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** The tool's name in the policy; empty means the method's name. */
    String name() default "";

    /** What the tool does, for people and models reading it. */
    String description() default "";
}
