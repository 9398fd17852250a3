package dev.veto.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a fixture application in a fresh JVM (optionally with {@code -javaagent:} on the built agent jar)
 * and collects what it printed. The tests run every scenario on Java 17 and, when installed, Java 25.
 */
final class ForkedJvm {

    static final Path AGENT_JAR = Path.of(required("veto.it.agentJar"));
    static final Path TEST_CLASSES = Path.of(required("veto.it.testClasses"));
    static final Path POLICIES = Path.of(required("veto.it.policies"));
    static final Path APP_LIBS = Path.of(required("veto.it.appLibs"));

    private final String java;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private List<String> classpath = new ArrayList<>();

    private ForkedJvm(String java) {
        this.java = java;
    }

    /** The Java versions every scenario runs on: this JVM's (17) and Java 25 when it is installed. */
    static Stream<String> javas() {
        String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String java25 = System.getProperty("veto.it.java25", "");
        return Files.isExecutable(Path.of(java25)) ? Stream.of(java17, java25) : Stream.of(java17);
    }

    static ForkedJvm on(String java) {
        return new ForkedJvm(java).classpath(testClasspath());
    }

    /** Adds {@code -javaagent:veto-agent.jar=<arguments>}. */
    ForkedJvm agent(String arguments) {
        jvmOptions.add("-javaagent:" + AGENT_JAR + (arguments == null || arguments.isEmpty() ? "" : "=" + arguments));
        return this;
    }

    ForkedJvm option(String option) {
        jvmOptions.add(option);
        return this;
    }

    ForkedJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    ForkedJvm classpath(List<String> entries) {
        classpath = new ArrayList<>(entries);
        return this;
    }

    /** Runs {@code mainClass} to completion (at most two minutes). */
    Run run(String mainClass, String... args) throws IOException, InterruptedException {
        Process process = start(mainClass, args);
        process.getOutputStream().close();
        return Run.collect(process);
    }

    /** Starts {@code mainClass} and leaves it running (for attach). */
    Process start(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("VETO_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The test-classes directory and the test class path's jars whose file name starts with one of {@code prefixes}. */
    static List<String> testClasspath(String... jarPrefixes) {
        List<String> entries = new ArrayList<>();
        entries.add(TEST_CLASSES.toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.equals(TEST_CLASSES.toString())) {
                continue;
            }
            if (jarPrefixes.length == 0) {
                entries.add(entry);
            }
            for (String prefix : jarPrefixes) {
                if (name.startsWith(prefix) || entry.contains("/" + prefix + "/")) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    static void write(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run these tests with mvn verify");
        }
        return value;
    }

    /** A finished JVM: exit code, stdout, stderr, and the {@code RESULT key=value} lines as a map. */
    record Run(int exitCode, String stdout, String stderr, Map<String, String> results) {

        static Run collect(Process process) throws IOException, InterruptedException {
            var out = process.getInputStream();
            var err = process.getErrorStream();
            StringBuilder errText = new StringBuilder();
            Thread errReader = new Thread(() -> {
                try {
                    errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process died; what was read is kept
                }
            });
            errReader.start();
            String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the forked JVM did not finish in two minutes; stdout:\n" + stdout);
            }
            errReader.join();
            Map<String, String> results = new LinkedHashMap<>();
            for (String line : stdout.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    int eq = line.indexOf('=');
                    results.put(line.substring("RESULT ".length(), eq), line.substring(eq + 1));
                }
            }
            return new Run(process.exitValue(), stdout, errText.toString(), results);
        }

        String result(String key) {
            String value = results.get(key);
            if (value == null) {
                throw new AssertionError("no RESULT " + key + "; stdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return value;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
