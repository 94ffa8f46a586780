package dev.asyncplayground.engine;

/**
 * Why the server has no room for a run now: its client already holds as many runs as one client
 * may, or the run would have to wait and the queue is full.
 *
 * @param message           what a learner reads, naming the limit
 * @param retryAfterSeconds an estimate, in whole seconds (at least 1), from the ideal times of the
 *                          runs going and waiting: when the client's first run should end, or when
 *                          a place in the queue should free; 1 for a request larger than a
 *                          client's cap, which asking again will not help (its message says so)
 */
public record Busy(String message, long retryAfterSeconds) {

    /** The queue is full: {@code running} runs are running and {@code waiting} are waiting. */
    static Busy queueFull(int running, int waiting, int maxQueued, long retry) {
        return new Busy(String.format("the server is busy: %d runs are running and %d are waiting, the most it takes"
                + " (MAX_QUEUED_RUNS=%d); a place in the queue should be free in about %d s",
                running, waiting, maxQueued, retry), retry);
    }

    /** A client holding {@code holding} runs asked for {@code places} more, past its {@code cap}. */
    static Busy clientFull(int holding, int places, int cap, long retry) {
        if (places == 1) {
            return new Busy(String.format("you already have %s running or waiting, the most one client may have"
                    + " (MAX_RUNS_PER_CLIENT=%d); wait for one to end (in about %d s) or cancel one",
                    runs(holding), cap, retry), retry);
        }
        int mustEnd = holding + places - cap;
        return new Busy(String.format("you already have %s running or waiting and this asks for %d more, but one"
                + " client may have at most %d (MAX_RUNS_PER_CLIENT=%d); wait for %d of yours to end (the first in"
                + " about %d s), cancel %d, or run fewer at once", runs(holding), places, cap, cap, mustEnd, retry,
                mustEnd), retry);
    }

    /** One request asked for more runs than a client may ever hold at once. */
    static Busy moreThanACapAtOnce(int places, int cap) {
        return new Busy(String.format("this asks for %d runs at once, more than one client may have"
                + " (MAX_RUNS_PER_CLIENT=%d); run at most %d at once", places, cap, cap), 1);
    }

    private static String runs(int count) {
        return count == 1 ? "1 run" : count + " runs";
    }
}
