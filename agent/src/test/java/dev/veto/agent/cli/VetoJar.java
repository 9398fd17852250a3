package dev.veto.agent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar as a user does, {@code java -jar agent/target/veto-agent.jar <command> ...}, in a
 * forked JVM (failsafe passes the jar's path as {@code veto.it.agentJar}).
 */
final class VetoJar {

    /** The repository's seed policy and its cases. */
    static final Path SEED = Path.of("..", "policies", "support-agent.yaml").toAbsolutePath().normalize();
    static final Path SEED_CASES = Path.of("..", "policies", "support-agent.cases.yaml").toAbsolutePath().normalize();

    /** What one run printed and how it exited. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private VetoJar() {
    }

    static Path jar() {
        String jar = System.getProperty("veto.it.agentJar", "target/veto-agent.jar");
        return Path.of(jar).toAbsolutePath();
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("veto-cli", ".out");
        Path err = Files.createTempFile("veto-cli", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the CLI did not finish within 120 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
