package dev.veto.bench.refund;

import dev.veto.bench.engine.BenchResources;
import dev.veto.engine.Action;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.casbin.jcasbin.main.EnforceResult;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.file_adapter.FileAdapter;

/**
 * jCasbin on the refund rules as an ABAC model, in one of two forms:
 * <ul>
 *   <li>{@link #compiledMatcher()}: the conditions are the model's matcher, compiled once; each policy line
 *       gives a role and amount bounds ({@code refund/casbin-model.conf}, {@code refund/casbin-policy.csv}).
 *   <li>{@link #evalRules()}: jCasbin's documented "ABAC with policy rules": each policy line carries its
 *       condition as an expression the matcher {@code eval()}s ({@code refund/casbin-eval-*}).
 * </ul>
 * {@link Enforcer#enforceEx} names the deciding line; its {@code act} column is the outcome.
 */
public final class CasbinRefunds implements RefundDecider<Object[]> {

    private final String name;
    private final Enforcer enforcer;
    /** Column of a policy line (after the leading "p") holding the outcome. */
    private final int actColumn;

    private CasbinRefunds(String name, String resourcePrefix, int actColumn) {
        this.name = name;
        this.actColumn = actColumn;
        Model model = Model.newModelFromString(BenchResources.text(resourcePrefix + "-model.conf"));
        byte[] policyLines = BenchResources.text(resourcePrefix + "-policy.csv").getBytes(StandardCharsets.UTF_8);
        enforcer = new Enforcer(model, new FileAdapter(new ByteArrayInputStream(policyLines)));
    }

    public static CasbinRefunds compiledMatcher() {
        return new CasbinRefunds("jcasbin", "refund/casbin", 4);
    }

    public static CasbinRefunds evalRules() {
        return new CasbinRefunds("jcasbin-eval", "refund/casbin-eval", 2);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object[] request(RefundCall call) {
        return new Object[] {Map.of("role", call.role(), "amount", call.amount()), RefundCall.TOOL};
    }

    @Override
    public Action decide(Object[] request) {
        EnforceResult result;
        try {
            result = enforcer.enforceEx(request);
        } catch (RuntimeException e) {
            return Action.DENY;
        }
        if (!result.isAllow()) {
            return Action.DENY;
        }
        List<String> line = result.getExplain();
        if (line == null || line.size() <= actColumn) {
            return Action.DENY;
        }
        return Action.APPROVAL_REQUIRED.policyName().equals(line.get(actColumn).trim())
                ? Action.APPROVAL_REQUIRED
                : Action.ALLOW;
    }
}
