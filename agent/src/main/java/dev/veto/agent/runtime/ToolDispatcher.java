package dev.veto.agent.runtime;

import dev.veto.ToolDeniedException;
import dev.veto.agent.weave.ToolSite;
import dev.veto.agent.weave.ToolSites;
import dev.veto.bootstrap.ToolGate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The call path of every governed method: names the arguments, assembles the context, asks the
 * {@link Governor}, and returns (the body runs) or throws (it does not).
 *
 * <p>Fail closed: anything that goes wrong here, including an error in the engine, denies the call with a
 * reason that says what went wrong. Nothing but the decision ever changes what a tool call does.
 */
public final class ToolDispatcher implements ToolGate {

    private final ToolSites sites;
    private final Governor governor;
    private final ContextAssembler context;
    private final LoaderState.Cache loaderStates = new LoaderState.Cache();

    public ToolDispatcher(ToolSites sites, Governor governor, Map<String, ?> staticContext) {
        this.sites = sites;
        this.governor = governor;
        this.context = new ContextAssembler(staticContext);
    }

    @Override
    public void check(int siteId, Object[] arguments) {
        ToolSite site = sites.get(siteId);
        if (site == null) {
            throw new ToolDeniedException("unknown", "deny", "the Veto agent does not know woven method #" + siteId, null, null);
        }
        LoaderState state = LoaderState.FALLBACK;
        Outcome outcome;
        try {
            state = stateOf(site);
            outcome = governor.govern(site.tool(), argumentMap(site, arguments),
                    context.assemble(state.mdc().read(), state.vetoContext().read()));
            if (outcome == null) {
                outcome = Outcome.denied("the policy engine gave no decision");
            }
        } catch (Throwable error) {
            outcome = Outcome.denied("the authorization check failed (" + error + "), so the call is denied");
        }
        if (!outcome.proceed()) {
            throw state.denials().create(site.tool(), outcome);
        }
    }

    private LoaderState stateOf(ToolSite site) {
        Object known = site.loaderState();
        if (known instanceof LoaderState state) {
            return state;
        }
        LoaderState state = loaderStates.of(site.loader());
        site.loaderState(state);
        return state;
    }

    private static Map<String, Object> argumentMap(ToolSite site, Object[] values) {
        int arity = site.arity();
        Map<String, Object> arguments = new LinkedHashMap<>(arity * 2);
        int count = Math.min(arity, values.length);
        for (int i = 0; i < count; i++) {
            arguments.put(site.parameterName(i), values[i]);
        }
        if (arguments.size() != count) {
            throw new IllegalStateException(twiceNamed(site));
        }
        return arguments;
    }

    /**
     * Two parameters resolved to one name: the map would hold only the later value, and the policy would
     * judge a call without the other, so the call is denied, naming the name given twice.
     */
    private static String twiceNamed(ToolSite site) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < site.arity(); i++) {
            if (!seen.add(site.parameterName(i))) {
                return "two parameters of " + site + " are both named '" + site.parameterName(i) + "', so the policy "
                        + "cannot see both arguments; give each its own name (@ToolParam, or the instrument: entry's parameters)";
            }
        }
        return "the arguments of " + site + " could not be named";
    }
}
