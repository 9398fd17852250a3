package dev.veto.engine.match.semantic;

/**
 * What a URL connects to: its scheme (lower case), host (null when the URL has no authority, as in
 * {@code mailto:} or {@code file:///}), and port (the explicit one, else the scheme's default, else -1).
 */
record ParsedUrl(String scheme, Host host, int port) {
}
