package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Estimates when queued runs start and when runs end, from their ideal times, for an honest
 * {@code Retry-After}.
 *
 * <p>It follows the admission rule, ignoring the budget of waiting-only runs: runs start in
 * arrival order; a run with CPU steps starts when every run before it has ended; any other run
 * starts once the CPU runs before it have ended and, as it had to wait, once the first running
 * run has ended. Times are nanoseconds from now. Admission's runs become slots here: a started run
 * by the time it still needs, one not started yet (waiting, or waiting for calm) by its ideal.
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

    /** Seconds until the first waiting run should start, as a full queue's {@code Retry-After}. */
    static long secondsUntilAPlace(Collection<Admission.Entry> running, Collection<Admission.Entry> waiting) {
        double[] starts = starts(slots(running), slots(waiting));
        return seconds(starts.length == 0 ? 0 : starts[0]);
    }

    /** Seconds until the client's first run ends, running or waiting, as its {@code Retry-After}. */
    static long secondsUntilFirstEnd(String client, Collection<Admission.Entry> running,
            Collection<Admission.Entry> waiting) {
        List<Slot> queued = slots(waiting);
        double[] starts = starts(slots(running), queued);
        double first = Double.MAX_VALUE;
        for (Admission.Entry entry : running) {
            if (client.equals(entry.client())) {
                first = Math.min(first, remaining(entry));
            }
        }
        int i = 0;
        for (Admission.Entry entry : waiting) {
            if (client.equals(entry.client())) {
                first = Math.min(first, starts[i] + queued.get(i).nanos());
            }
            i++;
        }
        return seconds(first == Double.MAX_VALUE ? 0 : first);
    }

    /** The runs as slots: a started run by the time it still needs, one not started by its ideal. */
    private static List<Slot> slots(Collection<Admission.Entry> entries) {
        List<Slot> slots = new ArrayList<>();
        for (Admission.Entry entry : entries) {
            boolean started = entry.run().status() != RunStatus.QUEUED;
            slots.add(new Slot(started ? remaining(entry) : entry.cost().idealRealNanos(), entry.cost().cpu()));
        }
        return slots;
    }

    private static double remaining(Admission.Entry entry) {
        return Math.max(0, entry.cost().idealRealNanos() - entry.run().elapsedRealNanos());
    }
}
