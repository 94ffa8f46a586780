package dev.asyncplayground.engine;

import java.util.List;

/**
 * Estimates when queued runs start and when runs end, from their ideal times, for an honest
 * {@code Retry-After}.
 *
 * <p>It follows the admission rule, ignoring the budget of waiting-only runs: runs start in
 * arrival order; a run with CPU steps starts when every run before it has ended; any other run
 * starts once the CPU runs before it have ended and, as it had to wait, once the first running
 * run has ended. Times are nanoseconds from now.
 */
final class Forecast {

    /**
     * A run as the forecast sees it.
     *
     * @param nanos for a running run the real time it still needs, for a queued one its ideal
     * @param cpu   true if it has CPU steps
     */
    record Slot(double nanos, boolean cpu) {}

    private Forecast() {
    }

    /** When each queued run should start, in queue order. */
    static double[] starts(List<Slot> running, List<Slot> queued) {
        double cpuFree = 0;
        double allFree = 0;
        double firstEnd = running.isEmpty() ? 0 : Double.MAX_VALUE;
        for (Slot slot : running) {
            allFree = Math.max(allFree, slot.nanos());
            firstEnd = Math.min(firstEnd, slot.nanos());
            if (slot.cpu()) {
                cpuFree = Math.max(cpuFree, slot.nanos());
            }
        }
        double[] starts = new double[queued.size()];
        double previous = 0;
        for (int i = 0; i < starts.length; i++) {
            Slot slot = queued.get(i);
            double start = Math.max(previous, slot.cpu() ? allFree : Math.max(cpuFree, firstEnd));
            double end = start + slot.nanos();
            allFree = Math.max(allFree, end);
            if (slot.cpu()) {
                cpuFree = Math.max(cpuFree, end);
            }
            starts[i] = start;
            previous = start;
        }
        return starts;
    }

    /** Nanoseconds, rounded up to whole seconds and at least 1, as {@code Retry-After} wants. */
    static long seconds(double nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
