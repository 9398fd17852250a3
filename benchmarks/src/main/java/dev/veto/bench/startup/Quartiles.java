package dev.veto.bench.startup;

import java.util.Arrays;

/** Median and quartiles of a sample (linear interpolation between closest ranks). */
record Quartiles(double median, double p25, double p75, double min, double max, int n) {

    static Quartiles of(double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("no runs to summarize");
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        return new Quartiles(percentile(sorted, 0.5), percentile(sorted, 0.25), percentile(sorted, 0.75),
                sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    private static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
