package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.OperatorCompiler;
import dev.veto.engine.match.ValueMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code email_domain_in}: every recipient's domain is in the set; {@code email_domain_not_in}: no
 * recipient's domain is in the set. The value is one address, a string holding several
 * ({@code "Jane <jane@x.com>, bob@y.com"}), or a list or array of such strings; recipients are read by
 * {@link EmailAddressList}. Domains compare case-insensitively and as punycode; entries may be
 * {@code *.example.com} (subdomains only, like host_in).
 */
final class EmailMatchers {

    private EmailMatchers() {
    }

    static Map<String, OperatorCompiler> operators() {
        return Map.of(
                "email_domain_in", operand -> compile("email_domain_in", operand, true),
                "email_domain_not_in", operand -> compile("email_domain_not_in", operand, false));
    }

    private static ValueMatcher compile(String operator, Object operand, boolean every) {
        List<HostPattern> patterns = HostPattern.compileAll(
                Operands.strings(operand, operator, "a list of domains such as [example.com, *.example.org]"), operator);
        return value -> {
            for (String domain : recipientDomains(value)) {
                boolean inSet = HostPattern.anyMatches(patterns, Host.ofName(domain));
                if (inSet != every) {
                    return false;
                }
            }
            return true;
        };
    }

    static List<String> recipientDomains(Object value) throws EvaluationException {
        List<String> domains = new ArrayList<>(2);
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                EmailAddressList.domains(Inputs.text(item, "e-mail addresses (Strings)"), domains);
            }
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                EmailAddressList.domains(Inputs.text(item, "e-mail addresses (Strings)"), domains);
            }
        } else {
            EmailAddressList.domains(Inputs.text(value, "e-mail addresses (a String or a list of Strings)"), domains);
        }
        if (domains.isEmpty()) {
            throw new EvaluationException("no e-mail recipient to judge");
        }
        return domains;
    }
}
