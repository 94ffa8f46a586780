package dev.asyncplayground.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * The cores a run's cpu steps really received, against those its ideal time assumed, and the
 * ideal time for the cores received.
 *
 * <p>The ideal assumes each cpu step gets its share of the machine's cores; other programs can
 * take part of them. Then the cpu phases stretch by assumed / given, and so does the ideal: a
 * run that needed 1,000 ms of CPU over 500 ms on 2 cores, given 1.4, ideally takes
 * 500 + 1000 × (1/1.4 − 1/2) = 714 ms. Computed only from the numbers given, so its tests are exact.
 *
 * @param assumed              cores the ideal assumed while cpu steps burnt (CPU / wall in the ideal)
 * @param given                cores they received (CPU / wall as measured), at most {@code assumed}
 * @param idealForCoresGivenMs the ideal elapsed time with {@code given} cores, in scenario ms
 */
public record CoresGiven(double assumed, double given, double idealForCoresGivenMs) {

    /** Below this share of the assumed cores, the summary says the machine gave less. */
    static final double SHORT_BELOW = 0.95;

    /**
     * Compares the ideal run with the measured one.
     *
     * @param idealMs      the ideal elapsed time, in scenario ms
     * @param idealCpuMs   CPU time the ideal's cpu steps burn, in scenario ms
     * @param idealCpuWall wall time during which they burn in the ideal, in scenario ms
     * @param cpuNanos     CPU time the real cpu steps received (any unit, the same as {@code wallNanos})
     * @param wallNanos    wall time during which any of them burnt
     * @return empty if there is nothing to compare (no cpu step, or none has burnt yet)
     */
    public static Optional<CoresGiven> of(double idealMs, double idealCpuMs, double idealCpuWall, long cpuNanos,
                                          long wallNanos) {
        if (idealCpuMs <= 0 || idealCpuWall <= 0 || cpuNanos <= 0 || wallNanos <= 0) {
            return Optional.empty();
        }
        double assumed = idealCpuMs / idealCpuWall;
        double given = Math.min(assumed, (double) cpuNanos / wallNanos);
        return Optional.of(new CoresGiven(assumed, given, idealFor(idealMs, idealCpuMs, assumed, given)));
    }

    /** The ideal elapsed time when the cpu phases get {@code given} cores instead of {@code assumed}. */
    public static double idealFor(double idealMs, double idealCpuMs, double assumed, double given) {
        return idealMs + idealCpuMs * (1 / given - 1 / assumed);
    }

    /** True if the machine gave the run clearly fewer cores than its ideal assumed. */
    public boolean isShort() {
        return given < assumed * SHORT_BELOW;
    }

    /**
     * In plain words, when the machine gave less than the ideal assumed: "the machine gave this run
     * 1.4 of 2 cores, other programs were busy; with 1.4 cores the ideal is 714 ms"; else empty.
     */
    public String note() {
        if (!isShort()) {
            return "";
        }
        String of = cores(assumed);
        return String.format(Locale.ROOT, "the machine gave this run %s of %s %s, other programs were busy;"
                        + " with %s cores the ideal is %.0f ms", cores(given), of, of.equals("1") ? "core" : "cores",
                cores(given), idealForCoresGivenMs);
    }

    private static String cores(double n) {
        String text = String.format(Locale.ROOT, "%.1f", n);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
