package dev.veto.bench.report;

import java.util.Locale;

/** How the report writes times, errors, ratios and bytes. */
final class Format {

    private Format() {
    }

    /** A time in nanoseconds, in ns below 10 µs and in µs above, with its error when there is one. */
    static String nanos(double value, double error) {
        String unit = value >= 10_000 ? "µs" : "ns";
        double scale = value >= 10_000 ? 1_000 : 1;
        String v = number(value / scale);
        if (Double.isNaN(error)) {
            return v + " " + unit;
        }
        return v + " ± " + number(error / scale) + " " + unit;
    }

    static String nanos(double value) {
        return nanos(value, Double.NaN);
    }

    /** A signed difference in nanoseconds. */
    static String addedNanos(double value, double error) {
        return (value >= 0 ? "+" : "−") + nanos(Math.abs(value), error);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    static String addedMillis(double value) {
        return (value >= 0 ? "+" : "−") + millis(Math.abs(value));
    }

    static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.0f B", Math.max(0, value));
    }

    static String ratio(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f×", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.0f×", value);
        }
        return String.format(Locale.ROOT, value >= 0.1 ? "%.1f×" : "%.3f×", value);
    }

    private static String number(double value) {
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
