package dev.veto.bench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the policies the benchmarks ship in their jar (the Cedar, jCasbin and YAML refund rules). */
public final class BenchResources {

    private BenchResources() {
    }

    public static String text(String name) {
        try (InputStream in = BenchResources.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("benchmark resource /" + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark resource /" + name, e);
        }
    }
}
