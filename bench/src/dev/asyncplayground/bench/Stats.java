package dev.asyncplayground.bench;

import java.util.Arrays;
import java.util.Locale;

/** Order statistics of a set of measurements, and the number formats the tables use. */
final class Stats {

    private Stats() {
    }

    /** The value below which {@code p} percent of the sorted values lie (nearest rank). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    /** A sorted copy. */
    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The median of the values (the lower middle one for an even count). */
    static double median(double[] values) {
        return percentile(sorted(values), 50);
    }

    /** The smallest value. */
    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** The largest value. */
    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** A number with the given decimals, e.g. {@code f(1.234, 1)} is {@code 1.2}. */
    static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Bytes as MiB with no decimals. */
    static String mib(long bytes) {
        return f(bytes / (1024.0 * 1024.0), 0);
    }

    /** Nanoseconds as milliseconds with one decimal. */
    static String ms(long nanos) {
        return f(nanos / 1e6, 1);
    }
}
