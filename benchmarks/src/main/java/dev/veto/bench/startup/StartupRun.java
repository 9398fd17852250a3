package dev.veto.bench.startup;

/**
 * One timed start of a JVM, in milliseconds from {@code ProcessBuilder.start()}.
 *
 * @param toMain      until the line that says {@code main} was reached arrived on stdout
 * @param toFirstCall until the line that says the first governed call returned arrived
 */
record StartupRun(double toMain, double toFirstCall) {
}
