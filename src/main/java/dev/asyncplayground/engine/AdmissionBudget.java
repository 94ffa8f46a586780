package dev.asyncplayground.engine;

import java.util.Map;

/**
 * How much waiting work the server runs at once, and how many runs one client may hold.
 *
 * <p>Runs without {@code cpu} steps cost the machine little but their wake-ups, so many of them
 * run side by side as long as, together, they stay within a budget of live tasks and of
 * wake-ups per second. A run too big for the budget still runs when nothing else does.
 *
 * @param liveTasks        tasks of waiting-only runs that may be running at once ({@code MAX_LIVE_TASKS})
 * @param wakeupsPerSecond steps per real second those runs may take together, each run counted at
 *                         its ideal pace ({@code MAX_WAKEUPS_PER_SECOND})
 * @param runsPerClient    running plus queued runs one client (remote address) may hold; one more
 *                         is refused for that client alone ({@code MAX_RUNS_PER_CLIENT})
 */
public record AdmissionBudget(int liveTasks, double wakeupsPerSecond, int runsPerClient) {

    /** The defaults: 10,000 live tasks, 20,000 wake-ups per second, 4 runs per client. */
    public static final AdmissionBudget DEFAULTS = new AdmissionBudget(10_000, 20_000, 4);

    public AdmissionBudget {
        if (liveTasks < 1 || !(wakeupsPerSecond > 0) || runsPerClient < 1) {
            throw new IllegalArgumentException("admission budget must be positive: " + liveTasks + ", "
                    + wakeupsPerSecond + ", " + runsPerClient);
        }
    }

    /**
     * Reads the budget from environment variables; an unset or blank variable keeps its default.
     *
     * @throws IllegalArgumentException naming the variable when a value is not a whole number in range
     */
    public static AdmissionBudget fromEnvironment(Map<String, String> env) {
        return new AdmissionBudget(
                EnvironmentLimits.whole(env, "MAX_LIVE_TASKS", DEFAULTS.liveTasks(), 1, 10_000_000),
                EnvironmentLimits.whole(env, "MAX_WAKEUPS_PER_SECOND", (int) DEFAULTS.wakeupsPerSecond(), 1,
                        10_000_000),
                EnvironmentLimits.whole(env, "MAX_RUNS_PER_CLIENT", DEFAULTS.runsPerClient(), 1, 10_000));
    }

    /** The same budget with another cap per client. */
    public AdmissionBudget withRunsPerClient(int runs) {
        return new AdmissionBudget(liveTasks, wakeupsPerSecond, runs);
    }
}
