package dev.asyncplayground.engine;

import java.time.Duration;
import java.util.Map;

/**
 * The sandbox limits every run obeys, and how many runs the server takes at once.
 *
 * @param maxTasks          tasks a program may have after expanding loops ({@code MAX_TASKS})
 * @param maxRunTime        real (wall-clock) time a run may take before it is stopped
 *                          ({@code MAX_RUN_SECONDS})
 * @param maxOutputLines    printed lines per run; one more stops the run ({@code MAX_OUTPUT_LINES})
 * @param maxConcurrentRuns runs that may run at the same time ({@code MAX_CONCURRENT_RUNS})
 * @param maxQueuedRuns     runs that may wait for their turn; one more is refused
 *                          ({@code MAX_QUEUED_RUNS})
 * @param maxCpuTime        CPU time the {@code cpu} steps of one run may burn ({@code MAX_CPU_SECONDS})
 * @param maxEvents         timeline events one run may record ({@code MAX_EVENTS})
 * @param maxEngineTime     time the engine itself may spend running one run's steps, everything but
 *                          its {@code cpu} steps ({@code MAX_ENGINE_CPU_SECONDS})
 * @param maxOutputBytes    bytes (UTF-8) one run may print ({@code MAX_OUTPUT_BYTES})
 */
public record Limits(int maxTasks, Duration maxRunTime, int maxOutputLines, int maxConcurrentRuns,
                     int maxQueuedRuns, Duration maxCpuTime, long maxEvents, Duration maxEngineTime,
                     long maxOutputBytes) {

    /** The most tasks {@code MAX_TASKS} may allow. */
    public static final int MAX_TASKS_CEILING = 1_000_000;

    public Limits {
        if (maxTasks < 1 || maxConcurrentRuns < 1 || maxQueuedRuns < 0 || maxOutputLines < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxTasks + ", " + maxOutputLines
                    + ", " + maxConcurrentRuns + ", " + maxQueuedRuns);
        }
        if (!maxRunTime.isPositive() || !maxCpuTime.isPositive() || !maxEngineTime.isPositive()) {
            throw new IllegalArgumentException("time limits must be above 0: " + maxRunTime + ", " + maxCpuTime
                    + ", " + maxEngineTime);
        }
        if (maxEvents < 1 || maxOutputBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxEvents + ", " + maxOutputBytes);
        }
    }

    /** Limits with the default event, engine-time and output-bytes limits. */
    public Limits(int maxTasks, Duration maxRunTime, int maxOutputLines, int maxConcurrentRuns, int maxQueuedRuns,
                  Duration maxCpuTime) {
        this(maxTasks, maxRunTime, maxOutputLines, maxConcurrentRuns, maxQueuedRuns, maxCpuTime,
                EnvironmentLimits.events(maxTasks), EnvironmentLimits.engineTime(maxTasks), EnvironmentLimits.OUTPUT_BYTES);
    }

    /** Limits with the default admission and CPU limits. */
    public Limits(int maxTasks, Duration maxRunTime, int maxOutputLines) {
        this(maxTasks, maxRunTime, maxOutputLines, EnvironmentLimits.CONCURRENT_RUNS, EnvironmentLimits.QUEUED_RUNS,
                EnvironmentLimits.CPU_TIME);
    }

    /** The defaults from the product brief. */
    public static Limits defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads the limits from environment variables; an unset or blank variable keeps its default.
     *
     * @param env usually {@code System.getenv()}
     * @throws IllegalArgumentException naming the variable when a value is not a number or is out
     *                                  of range
     */
    public static Limits fromEnvironment(Map<String, String> env) {
        return EnvironmentLimits.read(env);
    }

    /** The same limits with other admission bounds. */
    public Limits withRuns(int concurrent, int queued) {
        return new Limits(maxTasks, maxRunTime, maxOutputLines, concurrent, queued, maxCpuTime, maxEvents,
                maxEngineTime, maxOutputBytes);
    }

    /** The same limits with another CPU budget per run. */
    public Limits withCpuTime(Duration cpu) {
        return new Limits(maxTasks, maxRunTime, maxOutputLines, maxConcurrentRuns, maxQueuedRuns, cpu, maxEvents,
                maxEngineTime, maxOutputBytes);
    }

    /** The same limits with other bounds on a run's events, engine time and printed bytes. */
    public Limits withCosts(long events, Duration engineTime, long outputBytes) {
        return new Limits(maxTasks, maxRunTime, maxOutputLines, maxConcurrentRuns, maxQueuedRuns, maxCpuTime, events,
                engineTime, outputBytes);
    }
}
