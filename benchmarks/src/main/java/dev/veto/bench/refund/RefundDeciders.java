package dev.veto.bench.refund;

/** The engines compared on the refund decision, by the name the benchmark tables use. */
public final class RefundDeciders {

    private RefundDeciders() {
    }

    public static RefundDecider<?> byName(String name) {
        return switch (name) {
            case "veto" -> new VetoRefunds();
            case "cedar" -> new CedarRefunds();
            case "jcasbin" -> CasbinRefunds.compiledMatcher();
            case "jcasbin-eval" -> CasbinRefunds.evalRules();
            case "if-chain" -> new IfChainRefunds();
            default -> throw new IllegalArgumentException(
                    "unknown engine '" + name + "'; expected veto, cedar, jcasbin, jcasbin-eval or if-chain");
        };
    }
}
