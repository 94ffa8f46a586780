package dev.asyncplayground.engine;

import java.util.Optional;

/** Refuses, before it starts, a run whose ideal already breaks a limit. */
final class LimitChecks {

    private LimitChecks() {
    }

    /**
     * A run that never ends (a deadlock) is let through: watching it get stuck is a lesson, and the
     * wall-clock limit stops it.
     *
     * @return the limit broken, {@code MAX_RUN_SECONDS} for a run that would take too long,
     *         {@code MAX_CPU_SECONDS} for one that would burn too much CPU; empty if none
     */
    static Optional<Start.OverLimit> check(IdealTime.Result ideal, RunOptions options, Limits limits) {
        double limitSeconds = limits.maxRunTime().toNanos() / 1e9;
        double realSeconds = ideal.elapsedNanos() / options.speed() / 1e9;
        if (realSeconds > limitSeconds) {
            return Optional.of(new Start.OverLimit("MAX_RUN_SECONDS", String.format(
                    "this run would take at least %.1f s of real time; the limit is %s s per run (MAX_RUN_SECONDS)."
                            + " Shorten the waits or raise the speed.", realSeconds, Seconds.format(limitSeconds))));
        }
        double cpuSeconds = ideal.cpuNanos() / options.speed() / 1e9;
        double cpuLimit = limits.maxCpuTime().toNanos() / 1e9;
        if (cpuSeconds > cpuLimit) {
            return Optional.of(new Start.OverLimit("MAX_CPU_SECONDS", String.format(
                    "the cpu steps of this run would burn %.1f s of CPU; the limit is %s CPU-seconds per run"
                            + " (MAX_CPU_SECONDS). Shorten the cpu steps or raise the speed.",
                    cpuSeconds, Seconds.format(cpuLimit))));
        }
        return Optional.empty();
    }

    /**
     * The slowest whole speed at which a run with this ideal, taking as long as its fidelity bar
     * allows, stays within {@code MAX_RUN_SECONDS} and {@code MAX_CPU_SECONDS}; at least 1. The
     * ideal of a run with the global interpreter lock depends on the speed, so such a run must be
     * checked again at that speed.
     */
    static Slowest slowest(IdealTime.Result ideal, Limits limits) {
        double forTime = FidelityBar.of(ideal.elapsedNanos() / 1e6) / (limits.maxRunTime().toNanos() / 1e6);
        double forCpu = FidelityBar.of(ideal.cpuNanos() / 1e6) / (limits.maxCpuTime().toNanos() / 1e6);
        return new Slowest(Math.max(1, Math.ceil(Math.max(forTime, forCpu))),
                forTime >= forCpu ? "MAX_RUN_SECONDS" : "MAX_CPU_SECONDS");
    }

    /**
     * The slowest speed the limits allow a run, and the limit that a slower run would pass first.
     *
     * @param speed a whole speed, at least 1
     * @param limit {@code MAX_RUN_SECONDS} or {@code MAX_CPU_SECONDS}
     */
    record Slowest(double speed, String limit) {}
}
