package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The runs admission has given the machine, and whether one more fits beside them.
 *
 * <p>A run with {@code cpu} steps has the machine to itself. Runs without them share it while,
 * together, they stay within {@code MAX_CONCURRENT_RUNS} and the {@link AdmissionBudget} of live
 * tasks and wake-ups per second; any run fits an empty machine. Not thread-safe: {@link Admission}
 * uses it under its own lock.
 */
final class Occupancy {

    private final List<Admission.Entry> running = new ArrayList<>();
    private final int maxRuns;
    private final AdmissionBudget budget;

    Occupancy(int maxRuns, AdmissionBudget budget) {
        this.maxRuns = maxRuns;
        this.budget = budget;
    }

    /** True if no run could start now, whatever it costs: the run slots are full or a CPU run has the machine. */
    boolean full() {
        return running.size() >= maxRuns || hasCpuRun();
    }

    /** True if a run of this cost can start now beside the running ones. */
    boolean fits(RunCost cost) {
        if (running.isEmpty()) {
            return maxRuns > 0;
        }
        if (full() || cost.cpu()) {
            return false;
        }
        long tasks = cost.tasks();
        double wakeups = cost.wakeupsPerSecond();
        for (Admission.Entry entry : running) {
            tasks += entry.cost().tasks();
            wakeups += entry.cost().wakeupsPerSecond();
        }
        return tasks <= budget.liveTasks() && wakeups <= budget.wakeupsPerSecond();
    }

    void add(Admission.Entry entry) {
        running.add(entry);
    }

    /** Takes the run off the machine; its entry, or null if it was not running. */
    Admission.Entry remove(Run run) {
        return Admission.Entry.takeOut(running, run);
    }

    int size() {
        return running.size();
    }

    /** The running runs, in the order they were given the machine; a view, read under the same lock. */
    List<Admission.Entry> entries() {
        return Collections.unmodifiableList(running);
    }

    private boolean hasCpuRun() {
        return running.stream().anyMatch(entry -> entry.cost().cpu());
    }
}
