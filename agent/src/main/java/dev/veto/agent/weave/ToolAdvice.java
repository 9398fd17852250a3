package dev.veto.agent.weave;

import dev.veto.bootstrap.VetoBridge;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;

/**
 * The code inlined at the start of every tool method. It runs before the original body: a denial thrown
 * here means the body never runs. It refers only to {@link VetoBridge}, which every class loader sees.
 */
final class ToolAdvice {

    private ToolAdvice() {
    }

    @Advice.OnMethodEnter(inline = true)
    static void enter(@SiteId int site, @Advice.AllArguments Object[] arguments) {
        VetoBridge.check(site, arguments);
    }

    /** Bound to the woven method's {@link ToolSite#id()} as a constant when the advice is applied. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface SiteId {
    }
}
