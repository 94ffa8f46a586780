package dev.asyncplayground.engine;

import java.time.Duration;

/**
 * How to run a program.
 *
 * @param mode    the execution model
 * @param speed   time scale: a scenario second lasts 1/speed real seconds
 * @param threads size of the thread pool in {@code platform-threads} (1 to {@value #MAX_THREADS});
 *                ignored by the other modes
 * @param limit   in {@code virtual-threads}, at most this many tasks in flight at once;
 *                {@value #NO_LIMIT} means no limit; ignored by the other modes
 * @param gil     in {@code platform-threads}, cpu steps of all tasks take one global lock, as
 *                CPython's threads take its global interpreter lock (see {@link Gil}); only for
 *                that mode
 */
public record RunOptions(Mode mode, double speed, int threads, int limit, boolean gil) {

    /** Pool size when none is given. */
    public static final int DEFAULT_THREADS = 4;
    /** The largest pool a run may ask for. */
    public static final int MAX_THREADS = 256;
    /** The {@code limit} meaning "as many tasks in flight as there are tasks". */
    public static final int NO_LIMIT = 0;

    /**
     * @throws IllegalArgumentException naming {@code speed}, {@code threads} or {@code limit} when
     *                                  one is out of range
     */
    public RunOptions {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a number above 0, got " + speed);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 1 or more (or 0 for no limit), got " + limit);
        }
        if (gil && mode != Mode.PLATFORM_THREADS) {
            throw new IllegalArgumentException("gil applies only to platform-threads");
        }
    }

    /** Options without the global interpreter lock. */
    public RunOptions(Mode mode, double speed, int threads, int limit) {
        this(mode, speed, threads, limit, false);
    }

    /** Options with the default pool size and no limit. */
    public RunOptions(Mode mode, double speed) {
        this(mode, speed, DEFAULT_THREADS, NO_LIMIT);
    }

    /** Options with the default pool size and no limit. */
    public static RunOptions of(Mode mode, double speed) {
        return new RunOptions(mode, speed);
    }

    /** The same options at another speed. */
    public RunOptions withSpeed(double timeScale) {
        return new RunOptions(mode, timeScale, threads, limit, gil);
    }

    /** The same options with another pool size. */
    public RunOptions withThreads(int poolSize) {
        return new RunOptions(mode, speed, poolSize, limit, gil);
    }

    /** The same options with the global interpreter lock on or off. */
    public RunOptions withGil(boolean interpreterLock) {
        return new RunOptions(mode, speed, threads, limit, interpreterLock);
    }

    /** The same options with another in-flight limit ({@value #NO_LIMIT} for none). */
    public RunOptions withLimit(int inFlight) {
        return new RunOptions(mode, speed, threads, inFlight, gil);
    }

    /** True when {@code virtual-threads} should hold tasks back past {@link #limit}. */
    boolean limited() {
        return limit != NO_LIMIT;
    }

    /** Real nanoseconds for a scenario duration. */
    long realNanos(Duration scenario) {
        return Math.round(scenario.toNanos() / speed);
    }
}
