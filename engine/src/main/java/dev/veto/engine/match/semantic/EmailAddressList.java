package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import java.util.List;

/**
 * A strict RFC 5322 address-list reader that returns each recipient's domain, canonical (lower case,
 * punycode). Understands display names ({@code "Doe, Jane" <jane@x.com>}), quoted local parts
 * ({@code "a@evil.com"@x.com} is a mailbox at x.com), comments ({@code jane@x.com (work)}), groups
 * ({@code team: a@x.com, b@y.com;}) and UTF-8 (RFC 6532). Refuses, as an evaluation error: line breaks and
 * control characters (header injection), source routes ({@code <@relay:a@x.com>}), address literals
 * ({@code a@[10.0.0.1]}), domains that are not host names, empty list entries, and anything left over.
 *
 * <p>Written here rather than taken from Jakarta Mail: its {@code InternetAddress} needs the mail and
 * activation jars (which the agent would have to shade) and still accepts source routes and, outside strict
 * header parsing, unquoted display names with '@'; the grammar needed to find domains is small.
 */
final class EmailAddressList {

    private static final int MAX_COMMENT_DEPTH = 16;
    private static final String SPECIAL_ATEXT = "!#$%&'*+-/=?^_`{|}~";

    private final String text;
    private int at;

    private EmailAddressList(String text) {
        this.text = text;
    }

    /** Adds the canonical domain of every recipient in {@code text} to {@code domains}. */
    static void domains(String text, List<String> domains) throws EvaluationException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'))) {
                throw new EvaluationException("e-mail address list contains a line break or control character");
            }
        }
        new EmailAddressList(text).addressList(domains);
    }

    private void addressList(List<String> domains) throws EvaluationException {
        int before = domains.size();
        do {
            address(domains);
            skipCfws();
        } while (accept(','));
        if (at < text.length()) {
            throw fail("unexpected " + Inputs.quoted(String.valueOf(text.charAt(at))));
        }
        if (domains.size() == before) {
            throw fail("no recipient");
        }
    }

    private void address(List<String> domains) throws EvaluationException {
        skipCfws();
        int start = at;
        boolean hasPhrase = phrase();
        skipCfws();
        if (hasPhrase && accept(':')) {
            skipCfws();
            if (!accept(';')) {
                do {
                    mailbox(domains);
                    skipCfws();
                } while (accept(','));
                if (!accept(';')) {
                    throw fail("group not closed by ';'");
                }
            }
            return;
        }
        at = start;
        mailbox(domains);
    }

    private void mailbox(List<String> domains) throws EvaluationException {
        skipCfws();
        int start = at;
        phrase();
        skipCfws();
        if (accept('<')) {
            skipCfws();
            if (peek() == '@') {
                throw fail("source route in angle address");
            }
            domains.add(addrSpec());
            skipCfws();
            if (!accept('>')) {
                throw fail("angle address not closed by '>'");
            }
            return;
        }
        at = start;
        domains.add(addrSpec());
    }

    /** local-part "@" domain; returns the canonical domain. */
    private String addrSpec() throws EvaluationException {
        skipCfws();
        if (peek() == '"') {
            quotedString();
        } else if (!dotAtom()) {
            throw fail("expected an address");
        }
        skipSpaceInsideAddress();
        if (!accept('@')) {
            throw fail("expected '@' after the local part");
        }
        skipSpaceInsideAddress();
        if (peek() == '[') {
            throw fail("address literal domains ([...]) cannot be judged by name");
        }
        int domainStart = at;
        if (!dotAtom()) {
            throw fail("expected a domain after '@'");
        }
        String domain = text.substring(domainStart, at);
        skipCfws();
        String canonical = HostNames.canonical(domain, false);
        if (IpLiterals.looksLikeIpv4(canonical)) {
            throw fail("domain " + Inputs.quoted(domain) + " is an IP address, not a name");
        }
        return canonical;
    }

    /** atext+ ("." atext+)*; false (nothing consumed) when there is no atom here. */
    private boolean dotAtom() throws EvaluationException {
        if (!atom()) {
            return false;
        }
        while (peek() == '.') {
            at++;
            if (!atom()) {
                throw fail("empty part between dots");
            }
        }
        return true;
    }

    private boolean atom() {
        int start = at;
        while (at < text.length() && isAtext(text.charAt(at))) {
            at++;
        }
        return at > start;
    }

    /** 1*(atom / quoted-string), dots allowed as in "John Q. Public"; false when empty. */
    private boolean phrase() throws EvaluationException {
        boolean any = false;
        while (true) {
            skipCfws();
            char c = peek();
            if (c == '"') {
                quotedString();
            } else if (c == '.' || (c != 0 && isAtext(c))) {
                at++;
                atom();
            } else {
                return any;
            }
            any = true;
        }
    }

    private void quotedString() throws EvaluationException {
        at++; // opening quote
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    break;
                }
                at++;
            }
        }
        throw fail("quoted string not closed");
    }

    /**
     * Blanks around the '@'; a comment there is refused. RFC 5322 allows it, but Jakarta Mail ends the
     * address where a comment starts: {@code ceo(x)@customer.example} is sent to the bare local name "ceo",
     * which the sender's own mail server delivers, not customer.example.
     */
    private void skipSpaceInsideAddress() throws EvaluationException {
        while (peek() == ' ' || peek() == '\t') {
            at++;
        }
        if (peek() == '(') {
            throw fail("a comment next to '@': mail libraries end the address where it starts");
        }
    }

    private void skipCfws() throws EvaluationException {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t') {
                at++;
            } else if (c == '(') {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() throws EvaluationException {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '(') {
                if (++depth > MAX_COMMENT_DEPTH) {
                    throw fail("comments nested too deeply");
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    return;
                }
            } else if (c == '\\') {
                at++;
            }
        }
        throw fail("comment not closed");
    }

    private static boolean isAtext(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || SPECIAL_ATEXT.indexOf(c) >= 0 || (c >= 0x80 && !Character.isWhitespace(c) && !Character.isSpaceChar(c));
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private boolean accept(char c) {
        if (peek() == c && at < text.length()) {
            at++;
            return true;
        }
        return false;
    }

    private EvaluationException fail(String what) {
        return new EvaluationException("e-mail address list " + Inputs.quoted(text) + " does not parse at index "
                + at + ": " + what);
    }
}
