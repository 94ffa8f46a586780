package dev.asyncplayground.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs a registry keeps, by id, and the oldest finished ones forgotten once they take more
 * than the store's byte budget.
 *
 * <p>Runs going on are always kept. A finished run counts with its estimated retained size
 * ({@link Run#retainedBytes()}); while the finished runs together take more than the budget, the
 * oldest is forgotten. Its id is still recognised ({@link RunIds}), so asking for it can answer
 * "forgotten" rather than "never existed". Not thread-safe: {@link RunRegistry} holds its lock.
 */
final class RunStore {

    /** Runs kept at most, however small: bounds the index itself. */
    private static final int KEPT_RUNS = 10_000;
    /**
     * The store fills its budget only up to 15/16: the last sixteenth is headroom for what the
     * runs' size estimate cannot see, such as the server's buffers grown by their large answers,
     * so that the heap the kept runs really take stays within the budget.
     */
    private static final int HEADROOM_PARTS = 16;

    private final long budgetBytes;
    private final RunIds ids = new RunIds();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<Run, Long> finishedBytes = new HashMap<>();
    private long storedBytes;

    RunStore(long budgetBytes) {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("the run store's budget must be above 0 bytes: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** An id for a new run, which this server will recognise even after forgetting the run. */
    String newId() {
        return ids.next();
    }

    void add(Run run) {
        runs.put(run.id(), run);
    }

    /** Takes back a run that was never admitted. */
    void remove(Run run) {
        runs.remove(run.id());
    }

    /** The run with this id, or null if it is not kept. */
    Run find(String id) {
        return runs.get(id);
    }

    /** True if this store gave out the id and has since forgotten its run. */
    boolean forgot(String id) {
        return !runs.containsKey(id) && ids.issued(id);
    }

    long budgetBytes() {
        return budgetBytes;
    }

    long storedBytes() {
        return storedBytes;
    }

    int size() {
        return runs.size();
    }

    /** How many kept runs are queued or running. */
    int active() {
        return (int) runs.values().stream().filter(run -> !run.status().isFinal()).count();
    }

    List<Run> all() {
        return new ArrayList<>(runs.values());
    }

    /**
     * A run has ended: it counts against the budget from now on. If the server is too short of
     * memory even to note its size, the run is forgotten at once.
     */
    void finished(Run run) {
        if (!runs.containsKey(run.id())) {
            return;
        }
        long bytes = run.retainedBytes();
        try {
            finishedBytes.put(run, bytes);
        } catch (OutOfMemoryError full) {
            runs.remove(run.id());
            return;
        }
        storedBytes += bytes;
        forgetOldRuns();
    }

    /** Forgets the oldest finished runs while they take more than the budget or are too many. */
    void forgetOldRuns() {
        Iterator<Run> oldestFirst = runs.values().iterator();
        long fill = budgetBytes - budgetBytes / HEADROOM_PARTS;
        while ((storedBytes > fill || runs.size() > KEPT_RUNS) && oldestFirst.hasNext()) {
            Long bytes = finishedBytes.remove(oldestFirst.next());
            if (bytes != null) {
                storedBytes -= bytes;
                oldestFirst.remove();
            }
        }
    }
}
