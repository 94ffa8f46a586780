package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One instruction in a task's body, after parameters and loops have been resolved.
 *
 * <p>Every execution model interprets the same steps; only how a wait or a CPU burst is
 * carried out differs between models.
 */
public sealed interface Step {

    /** Waits without using the CPU (a sleep, a network round trip, a washing machine). */
    record Wait(Duration duration, String label) implements Step {}

    /** Keeps the CPU busy for the given time: real work, not a sleep. */
    record Cpu(Duration duration, String label) implements Step {}

    /** Prints one line of output. */
    record Print(String text) implements Step {}

    /** Runs the body while holding the named lock; others queue for it. */
    record Locked(String lock, List<Step> body) implements Step {}

    /** Reads a shared value, waits {@code think}, then writes the value read plus {@code delta}. */
    record Update(String shared, long delta, Duration think) implements Step {}

    /** Waits until every named task has ended. */
    record Await(List<String> tasks) implements Step {}

    /** Runs the body, abandoning it if it takes longer than {@code limit}; the task goes on. */
    record Timeout(Duration limit, List<Step> body) implements Step {}

    /** Ends the task with a failure message. */
    record Fail(String message) implements Step {}
}
