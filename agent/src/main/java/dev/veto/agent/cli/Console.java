package dev.veto.agent.cli;

import java.io.PrintStream;

/** Where a command writes: results on {@code out}, problems on {@code err}. */
record Console(PrintStream out, PrintStream err) {
}
