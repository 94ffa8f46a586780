package dev.asyncplayground.timeline;

import dev.asyncplayground.scenario.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * The state a task enters with an event: the one rule that cuts a task's life into segments.
 *
 * <p>The server summarises runs with it ({@link TaskTrack}) and sends it with every event, so the
 * page draws segments without a rule of its own; {@code src/test/resources/segments/golden.json}
 * holds both to the same result.
 *
 * @param state  {@code queued}, {@code running}, {@code waiting}, {@code blocked} or {@code awaiting}
 * @param thread the OS thread the task is on, empty while queued
 * @param detail what the task is doing, e.g. {@code nap 800ms}; may be empty
 */
public record StateChange(String state, String thread, String detail) {

    /** The state {@code event} puts its task in; empty for events that leave the state as it is. */
    public static Optional<StateChange> of(TimelineEvent event, double speed) {
        return Optional.ofNullable(switch (event) {
            case TimelineEvent.TaskQueued e -> new StateChange("queued", "", "waiting for a worker");
            case TimelineEvent.TaskStarted e -> running(e.thread(), "");
            case TimelineEvent.WaitStarted e -> new StateChange("waiting", e.thread(),
                    describe(e.label(), e.durationNanos(), speed));
            case TimelineEvent.CpuStarted e -> running(e.thread(), describe(e.label(), e.durationNanos(), speed));
            case TimelineEvent.LockRequested e -> new StateChange("blocked", e.thread(), "in line for " + e.lock());
            case TimelineEvent.AwaitStarted e -> new StateChange("awaiting", e.thread(),
                    "awaiting " + String.join(", ", e.tasks()));
            case TimelineEvent.WaitEnded e -> running(e.thread(), "");
            case TimelineEvent.CpuEnded e -> running(e.thread(), "");
            case TimelineEvent.LockAcquired e -> running(e.thread(), "holding " + e.lock());
            case TimelineEvent.AwaitEnded e -> running(e.thread(), "");
            case TimelineEvent.TimedOut e -> running(e.thread(), "after timeout");
            case TimelineEvent.RunStarted e -> null;
            case TimelineEvent.LockReleased e -> null;
            case TimelineEvent.SharedRead e -> null;
            case TimelineEvent.SharedWritten e -> null;
            case TimelineEvent.Printed e -> null;
            case TimelineEvent.TaskEnded e -> null;
        });
    }

    private static StateChange running(String thread, String detail) {
        return new StateChange("running", thread, detail);
    }

    private static String describe(String label, long durationNanos, double speed) {
        String length = Durations.format(Duration.ofNanos(Math.round(durationNanos * speed)));
        return label.isEmpty() ? length : label + " " + length;
    }
}
