package dev.veto.bench.refund;

import dev.veto.bench.engine.BenchResources;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.Context;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.veto.engine.Action;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * AWS Cedar (cedar-java: the Rust authorizer through JNI) on the refund rules of
 * {@code refund/refund-rules.cedar}. The policy set is parsed and cached on the native side once
 * ({@link PolicySet#cache()}), so a call sends only the request, the fastest way cedar-java offers.
 */
public final class CedarRefunds implements RefundDecider<AuthorizationRequest> {

    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private final PolicySet policies;
    /** The outcome each permit or forbid policy stands for, by Cedar's policy id (its @action annotation). */
    private final Map<String, Action> actionByPolicyId = new HashMap<>();
    private final Set<Entity> entities = Set.of();
    private final EntityUID principal;
    private final EntityUID action;
    private final EntityUID resource;

    public CedarRefunds() {
        try {
            policies = PolicySet.parsePolicies(BenchResources.text("refund/refund-rules.cedar"));
            for (Policy policy : policies.policies) {
                actionByPolicyId.put(policy.getID(), actionOf(policy.getAnnotation("action"), policy));
            }
            policies.cache();
        } catch (InternalException | CacheException e) {
            throw new IllegalStateException("Cedar cannot load refund/refund-rules.cedar: " + e.getMessage(), e);
        }
        principal = entityType("User").of("agent");
        action = entityType("Action").of(RefundCall.TOOL);
        resource = entityType("Tool").of(RefundCall.TOOL);
    }

    @Override
    public String name() {
        return "cedar";
    }

    @Override
    public AuthorizationRequest request(RefundCall call) {
        Map<String, Value> context = new HashMap<>();
        context.put("role", new PrimString(call.role()));
        context.put("amount", new PrimLong(call.amount()));
        return new AuthorizationRequest(principal, action, resource, new Context(context));
    }

    @Override
    public Action decide(AuthorizationRequest request) {
        AuthorizationResponse response;
        try {
            response = engine.isAuthorized(request, policies, entities);
        } catch (AuthException e) {
            return Action.DENY;
        }
        if (response.success.isEmpty()) {
            return Action.DENY;
        }
        AuthorizationSuccessResponse success = response.success.get();
        if (!success.isAllowed()) {
            return Action.DENY;
        }
        for (String policyId : success.getReason()) {
            if (actionByPolicyId.get(policyId) == Action.APPROVAL_REQUIRED) {
                return Action.APPROVAL_REQUIRED;
            }
        }
        return Action.ALLOW;
    }

    private static EntityTypeName entityType(String name) {
        return EntityTypeName.parse(name)
                .orElseThrow(() -> new IllegalStateException("not a Cedar entity type: " + name));
    }

    private static Action actionOf(String annotation, Policy policy) {
        if (annotation == null) {
            throw new IllegalStateException("Cedar policy " + policy.getID() + " has no @action annotation");
        }
        for (Action candidate : Action.values()) {
            if (candidate.policyName().equals(annotation)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cedar policy " + policy.getID() + ": @action(\"" + annotation
                + "\") is not allow, deny or require_approval");
    }
}
