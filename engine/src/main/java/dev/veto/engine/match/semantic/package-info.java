/**
 * Argument matchers that understand their values: file paths, URLs, SQL, e-mail recipients, numbers and
 * character sets. Each operator parses its value the way the tool will use it (a path the way the file
 * system resolves it, a URL the way an HTTP client connects to it, SQL the way the database runs it),
 * so that a string trick cannot make a dangerous value look harmless. Anything that cannot be judged
 * exactly is an {@link dev.veto.engine.match.EvaluationException}: the engine denies.
 *
 * <p>The entry point is {@link dev.veto.engine.match.semantic.SemanticOperators#all()}.
 */
package dev.veto.engine.match.semantic;
