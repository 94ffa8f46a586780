package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.Program;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts runs (through {@link Admission}), finds them by id, and forgets the oldest finished ones
 * past a bound.
 */
public final class RunRegistry implements AutoCloseable {

    private static final int KEPT_RUNS = 500;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Limits limits;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final LiveThreads threads = new LiveThreads();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("run-timer").daemon(true).factory());
    private final Admission admission;

    public RunRegistry(Limits limits) {
        this.limits = limits;
        this.admission = new Admission(limits, timer);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Creates a run of the program and starts it, at once or when its turn comes.
     *
     * @throws LimitExceededException if even an ideal run would pass the wall-clock limit or the
     *                                CPU limit (a run that would never end is let through, see
     *                                {@link Run#neverEnds()})
     * @throws ServerBusyException    if as many runs as allowed are running and waiting
     * @throws IllegalStateException  once the registry is closed
     */
    public Run start(Program program, RunOptions options) {
        IdealTime.Result ideal = IdealTime.simulate(program, options, cores);
        LimitChecks.check(ideal, options, limits);
        return startWithIdeal(program, options, ideal);
    }

    /** Starts a run whose ideal is known, without checking it against the limits (tests use it). */
    Run startWithIdeal(Program program, RunOptions options, IdealTime.Result ideal) {
        synchronized (runs) {
            String id = newId();
            Run run = new Run(id, program, options, limits, new RunContext(ideal, cores, threads, admission::ended));
            admission.admit(run);
            runs.put(id, run);
            forgetOldRuns();
            return run;
        }
    }

    /** The run with this id, if it is still known. */
    public Optional<Run> find(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    /** How many runs are queued or running. */
    public int activeRuns() {
        synchronized (runs) {
            return (int) runs.values().stream().filter(run -> !run.status().isFinal()).count();
        }
    }

    /** How many queued runs will start before {@code run}; empty if it is not queued. */
    public OptionalInt queuedAhead(Run run) {
        int ahead = admission.ahead(run);
        return ahead < 0 ? OptionalInt.empty() : OptionalInt.of(ahead);
    }

    /** How many runs wait for their turn. */
    public int queuedRuns() {
        return admission.queued();
    }

    /**
     * Engine threads alive now: each run's supervisor, pool threads and live virtual task threads.
     * Zero when no run is active: nothing leaks.
     */
    public int liveEngineThreads() {
        return threads.count();
    }

    /** Takes no more runs, cancels every run still going or waiting, and stops the timer. */
    @Override
    public void close() {
        admission.close();
        List<Run> all;
        synchronized (runs) {
            all = new ArrayList<>(runs.values());
        }
        all.forEach(Run::cancel);
        timer.shutdownNow();
    }

    private String newId() {
        String id;
        do {
            StringBuilder text = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            id = text.toString();
        } while (runs.containsKey(id));
        return id;
    }

    private void forgetOldRuns() {
        Iterator<Run> oldestFirst = runs.values().iterator();
        while (runs.size() > KEPT_RUNS && oldestFirst.hasNext()) {
            if (oldestFirst.next().status().isFinal()) {
                oldestFirst.remove();
            }
        }
    }
}
