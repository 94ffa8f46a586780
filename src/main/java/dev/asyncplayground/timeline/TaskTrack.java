package dev.asyncplayground.timeline;

import dev.asyncplayground.scenario.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Follows one task through the events and cuts its life into segments.
 *
 * <p>It counts every segment but keeps only those in its window (from, limit), so a task of a
 * million steps can be shown a page at a time.
 */
final class TaskTrack {

    private final String name;
    private final double speed;
    private final List<Segment> segments = new ArrayList<>();
    private final int segmentsFrom;
    private final int segmentsLimit;
    private int segmentCount;
    private String status = "pending";
    private String message = "";
    private Long startNanos;
    private Long endNanos;
    private String state;
    private long stateSince;
    private String stateThread = "";
    private String stateDetail = "";

    TaskTrack(String name, double speed) {
        this(name, speed, 0, Integer.MAX_VALUE);
    }

    /** A track that keeps segments number {@code from} to {@code from + limit - 1} (from 0). */
    TaskTrack(String name, double speed, int from, int limit) {
        this.name = name;
        this.speed = speed;
        this.segmentsFrom = from;
        this.segmentsLimit = limit;
    }

    /** The task an event belongs to, if it belongs to one. */
    static OptionalInt taskOf(TimelineEvent event) {
        return switch (event) {
            case TimelineEvent.RunStarted e -> OptionalInt.empty();
            case TimelineEvent.TaskQueued e -> OptionalInt.of(e.task());
            case TimelineEvent.TaskStarted e -> OptionalInt.of(e.task());
            case TimelineEvent.WaitStarted e -> OptionalInt.of(e.task());
            case TimelineEvent.WaitEnded e -> OptionalInt.of(e.task());
            case TimelineEvent.CpuStarted e -> OptionalInt.of(e.task());
            case TimelineEvent.CpuEnded e -> OptionalInt.of(e.task());
            case TimelineEvent.LockRequested e -> OptionalInt.of(e.task());
            case TimelineEvent.LockAcquired e -> OptionalInt.of(e.task());
            case TimelineEvent.LockReleased e -> OptionalInt.of(e.task());
            case TimelineEvent.SharedRead e -> OptionalInt.of(e.task());
            case TimelineEvent.SharedWritten e -> OptionalInt.of(e.task());
            case TimelineEvent.AwaitStarted e -> OptionalInt.of(e.task());
            case TimelineEvent.AwaitEnded e -> OptionalInt.of(e.task());
            case TimelineEvent.TimedOut e -> OptionalInt.of(e.task());
            case TimelineEvent.Printed e -> OptionalInt.of(e.task());
            case TimelineEvent.TaskEnded e -> OptionalInt.of(e.task());
        };
    }

    /** Updates the task's state for one of its events. */
    void apply(TimelineEvent event) {
        switch (event) {
            case TimelineEvent.TaskQueued e -> enter("queued", e.atNanos(), "", "waiting for a worker");
            case TimelineEvent.TaskStarted e -> {
                startNanos = e.atNanos();
                status = "running";
                enter("running", e.atNanos(), e.thread(), "");
            }
            case TimelineEvent.WaitStarted e -> enter("waiting", e.atNanos(), e.thread(),
                    describe(e.label(), e.durationNanos()));
            case TimelineEvent.CpuStarted e -> enter("running", e.atNanos(), e.thread(),
                    describe(e.label(), e.durationNanos()));
            case TimelineEvent.LockRequested e -> enter("blocked", e.atNanos(), e.thread(), "in line for " + e.lock());
            case TimelineEvent.AwaitStarted e -> enter("awaiting", e.atNanos(), e.thread(),
                    "awaiting " + String.join(", ", e.tasks()));
            case TimelineEvent.WaitEnded e -> enter("running", e.atNanos(), e.thread(), "");
            case TimelineEvent.CpuEnded e -> enter("running", e.atNanos(), e.thread(), "");
            case TimelineEvent.LockAcquired e -> enter("running", e.atNanos(), e.thread(), "holding " + e.lock());
            case TimelineEvent.AwaitEnded e -> enter("running", e.atNanos(), e.thread(), "");
            case TimelineEvent.TimedOut e -> enter("running", e.atNanos(), e.thread(), "after timeout");
            case TimelineEvent.TaskEnded e -> {
                close(e.atNanos());
                endNanos = e.atNanos();
                status = e.outcome().label();
                message = e.message();
            }
            case TimelineEvent.RunStarted e -> { }
            case TimelineEvent.LockReleased e -> { }
            case TimelineEvent.SharedRead e -> { }
            case TimelineEvent.SharedWritten e -> { }
            case TimelineEvent.Printed e -> { }
        }
    }

    boolean ended() {
        return endNanos != null;
    }

    /** The task's timeline, with a still-open segment cut at {@code cutNanos}. */
    TaskTimeline finish(long cutNanos) {
        List<Segment> all = new ArrayList<>(segments);
        if (state != null && kept(segmentCount)) {
            all.add(segment(cutNanos));
        }
        return new TaskTimeline(name, status, startNanos == null ? null : TimelineSummary.ms(startNanos, speed),
                endNanos == null ? null : TimelineSummary.ms(endNanos, speed), message, all);
    }

    private void enter(String newState, long at, String thread, String detail) {
        close(at);
        state = newState;
        stateSince = at;
        stateThread = thread;
        stateDetail = detail;
    }

    /** Every segment of the task so far, an open one included, kept or not. */
    int segmentCount() {
        return segmentCount + (state != null ? 1 : 0);
    }

    private boolean kept(int number) {
        return number >= segmentsFrom && number - segmentsFrom < segmentsLimit;
    }

    private void close(long at) {
        if (state != null) {
            if (kept(segmentCount)) {
                segments.add(segment(at));
            }
            segmentCount++;
            state = null;
        }
    }

    private Segment segment(long until) {
        return new Segment(state, TimelineSummary.ms(stateSince, speed), TimelineSummary.ms(until, speed),
                stateThread, stateDetail);
    }

    private String describe(String label, long durationNanos) {
        String length = Durations.format(Duration.ofNanos(Math.round(durationNanos * speed)));
        return label.isEmpty() ? length : label + " " + length;
    }
}
