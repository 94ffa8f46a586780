package dev.asyncplayground.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Parses the sandbox limits from environment variables, with a message naming any bad one. */
final class EnvironmentLimits {

    /**
     * Room for a class of sixty comparing all four modes at once (240 runs); the budget of live
     * tasks and wake-ups, not this cap, is what keeps runs from distorting each other's timings.
     */
    static final int CONCURRENT_RUNS = 256;
    static final int QUEUED_RUNS = 8;
    static final Duration CPU_TIME = Duration.ofSeconds(5);
    static final Duration ENGINE_TIME = Duration.ofSeconds(5);
    private static final Duration ENGINE_TIME_PER_TASK = Duration.ofNanos(10_000);
    static final long OUTPUT_BYTES = 1 << 20;
    static final long EVENTS = 1_000_000;
    private static final int EVENTS_PER_TASK = 5;
    private static final long MAX_SECONDS = 3_600;

    private EnvironmentLimits() {
    }

    static Limits read(Map<String, String> env) {
        int tasks = whole(env, "MAX_TASKS", 10_000, 1, Limits.MAX_TASKS_CEILING);
        return new Limits(tasks,
                seconds(env, "MAX_RUN_SECONDS", Duration.ofSeconds(30)),
                whole(env, "MAX_OUTPUT_LINES", 10_000, 1, 1_000_000),
                whole(env, "MAX_CONCURRENT_RUNS", CONCURRENT_RUNS, 1, 10_000),
                whole(env, "MAX_QUEUED_RUNS", QUEUED_RUNS, 0, 10_000),
                seconds(env, "MAX_CPU_SECONDS", CPU_TIME),
                whole(env, "MAX_EVENTS", (int) events(tasks), 1_000, 100_000_000),
                seconds(env, "MAX_ENGINE_CPU_SECONDS", engineTime(tasks)),
                whole(env, "MAX_OUTPUT_BYTES", (int) OUTPUT_BYTES, 1_024, 1 << 30));
    }

    /**
     * The default engine-time limit for runs of up to {@code maxTasks} tasks: 5 s, or 10 µs a task
     * when {@code MAX_TASKS} allows more than 500,000 (starting and ending a task costs the engine
     * a few microseconds).
     */
    static Duration engineTime(int maxTasks) {
        Duration perTask = ENGINE_TIME_PER_TASK.multipliedBy(maxTasks);
        return perTask.compareTo(ENGINE_TIME) > 0 ? perTask : ENGINE_TIME;
    }

    /**
     * The default event limit for runs of up to {@code maxTasks} tasks: a million, or room for
     * every task to start, wait once and end when {@code MAX_TASKS} allows more than 200,000.
     */
    static long events(int maxTasks) {
        return Math.max(EVENTS, (long) EVENTS_PER_TASK * maxTasks);
    }

    static int whole(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip().replace("_", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                + ", got '" + text + "'");
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.compareTo(BigDecimal.valueOf(MAX_SECONDS)) <= 0 && value.movePointRight(9).longValue() > 0) {
                return Duration.ofNanos(value.movePointRight(9).longValue());
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException(name + " must be a number of seconds above 0 and at most " + MAX_SECONDS
                + ", got '" + text + "'");
    }
}
