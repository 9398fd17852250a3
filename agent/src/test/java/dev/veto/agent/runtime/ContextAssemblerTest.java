package dev.veto.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The context precedence: static configuration, then the MDC, then VetoContext (last wins). */
class ContextAssemblerTest {

    private final ContextAssembler assembler = new ContextAssembler(Map.of("environment", "prod", "tier", "bronze"));

    @Test
    void theMdcOverridesStaticContextAndVetoContextOverridesBoth() {
        Map<String, Object> context = assembler.assemble(
                Map.of("tier", "silver", "userId", "u-mdc"),
                Map.of("tier", "gold", "role", "support_l1"));

        assertEquals(Map.of("environment", "prod", "tier", "gold", "userId", "u-mdc", "role", "support_l1"), context);
    }

    @Test
    void theMdcAloneOverridesStaticContext() {
        assertEquals(Map.of("environment", "prod", "tier", "silver"), assembler.assemble(Map.of("tier", "silver"), Map.of()));
    }

    @Test
    void withNothingPerThreadTheStaticContextIsUsedAsIs() {
        Map<String, Object> context = assembler.assemble(null, Map.of());

        assertEquals(Map.of("environment", "prod", "tier", "bronze"), context);
        assertSame(context, assembler.assemble(Map.of(), null), "no copy per call");
    }

    @Test
    void withOnlyVetoContextItsMapIsUsedWithoutACopy() {
        ContextAssembler noStatic = new ContextAssembler(Map.of());
        Map<String, Object> vetoContext = Map.of("role", "support_l1");

        assertSame(vetoContext, noStatic.assemble(null, vetoContext));
    }
}
