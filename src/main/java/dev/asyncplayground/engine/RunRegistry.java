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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Starts runs, finds them by id, and forgets the oldest finished ones past a bound. */
public final class RunRegistry implements AutoCloseable {

    private static final int KEPT_RUNS = 500;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Limits limits;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("run-timer").daemon(true).factory());

    public RunRegistry(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Creates a run of the program and starts it at once.
     *
     * @throws LimitExceededException if even an ideal run would pass the wall-clock limit
     */
    public Run start(Program program, RunOptions options) {
        long idealNanos = IdealTime.of(program, options.mode());
        checkWallTime(idealNanos / options.speed());
        Run run;
        synchronized (runs) {
            String id = newId();
            run = new Run(id, program, options, limits, idealNanos);
            runs.put(id, run);
            forgetOldRuns();
        }
        run.start(timer);
        return run;
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

    /** Cancels every run still going and stops the timer. */
    @Override
    public void close() {
        List<Run> all;
        synchronized (runs) {
            all = new ArrayList<>(runs.values());
        }
        all.forEach(Run::cancel);
        timer.shutdownNow();
    }

    private void checkWallTime(double realNanos) {
        double limitSeconds = limits.maxRunTime().toMillis() / 1000.0;
        if (realNanos / 1e9 > limitSeconds) {
            throw new LimitExceededException("MAX_RUN_SECONDS", String.format(
                    "this run would take at least %.1f s of real time; the limit is %s s per run (MAX_RUN_SECONDS)."
                            + " Shorten the waits or raise the speed.", realNanos / 1e9, fmt(limitSeconds)));
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
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
