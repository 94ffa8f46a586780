package dev.asyncplayground.timeline;

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
        if (event instanceof TimelineEvent.TaskStarted started) {
            startNanos = started.atNanos();
            status = "running";
        }
        if (event instanceof TimelineEvent.TaskEnded ended) {
            close(ended.atNanos());
            endNanos = ended.atNanos();
            status = ended.outcome().label();
            message = ended.message();
        }
        StateChange.of(event, speed).ifPresent(change -> enter(change, event.atNanos()));
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

    private void enter(StateChange change, long at) {
        close(at);
        state = change.state();
        stateSince = at;
        stateThread = change.thread();
        stateDetail = change.detail();
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
}
