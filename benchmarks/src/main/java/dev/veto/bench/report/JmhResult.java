package dev.veto.bench.report;

import java.util.Map;

/**
 * One JMH result row, read from JMH's JSON output.
 *
 * @param benchmark   the class and method, without the package ({@code SeedPolicyBenchmark.protect})
 * @param mode        {@code avgt} or {@code sample}
 * @param threads     threads that ran it
 * @param params      the @Param values
 * @param score       mean (avgt) or mean of samples (sample), in {@code unit}
 * @param error       the 99.9% confidence half-width JMH reports (NaN when there were too few iterations)
 * @param unit        e.g. {@code ns/op}
 * @param percentiles for sample mode: "50.0" -> value; else empty
 * @param allocBytes  gc.alloc.rate.norm (bytes per operation) when the GC profiler ran, else NaN
 * @param allocError  its error
 */
public record JmhResult(String benchmark, String mode, int threads, Map<String, String> params, double score,
        double error, String unit, Map<String, Double> percentiles, double allocBytes, double allocError) {

    public String param(String name) {
        return params.get(name);
    }

    public boolean is(String benchmarkName, String modeName) {
        return benchmark.equals(benchmarkName) && mode.equals(modeName);
    }

    public double percentile(String key) {
        Double value = percentiles.get(key);
        return value == null ? Double.NaN : value;
    }
}
