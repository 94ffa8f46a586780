package dev.asyncplayground.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The spans of a run's waits and CPU steps, and the time its tasks spent queued, read from its events.
 *
 * <p>A step runs from its start to its end, to the timeout that abandons it, to its task's end,
 * or (still open) to the end given; it counts for at most its declared length, as in
 * {@link RunFigures}. Queueing is the time from {@code TaskQueued} to the task's start, plus the
 * time from every {@code LockRequested} to the lock's {@code LockAcquired}.
 */
final class StepSpans {

    /** A half-open span of real nanoseconds. */
    record Span(long from, long to) {
        long length() {
            return to - from;
        }
    }

    private static final byte NONE = 0;
    private static final byte WAIT = 1;
    private static final byte CPU = 2;

    private final List<Span> waits = new ArrayList<>();
    private final List<Span> cpus = new ArrayList<>();
    private final long[] openSince;
    private final long[] openDeclared;
    private final byte[] open;
    private final long[] queuedSince;
    private long queuedNanos;
    private int finishedWaits;
    private int timeouts;

    private StepSpans(int tasks) {
        openSince = new long[tasks];
        openDeclared = new long[tasks];
        open = new byte[tasks];
        queuedSince = new long[tasks];
        Arrays.fill(queuedSince, -1);
    }

    static StepSpans of(List<TimelineEvent> events, long endNanos) {
        int tasks = events.getFirst() instanceof TimelineEvent.RunStarted started ? started.tasks().size() : 0;
        StepSpans spans = new StepSpans(tasks);
        events.forEach(spans::add);
        for (int task = 0; task < tasks; task++) {
            spans.close(task, endNanos);
            spans.unqueue(task, endNanos);
        }
        return spans;
    }

    private void add(TimelineEvent event) {
        switch (event) {
            case TimelineEvent.WaitStarted e -> openStep(e.task(), WAIT, e.atNanos(), e.durationNanos());
            case TimelineEvent.CpuStarted e -> openStep(e.task(), CPU, e.atNanos(), e.durationNanos());
            case TimelineEvent.WaitEnded e -> {
                finishedWaits += open[e.task()] == WAIT ? 1 : 0;
                close(e.task(), e.atNanos());
            }
            case TimelineEvent.CpuEnded e -> close(e.task(), e.atNanos());
            case TimelineEvent.TimedOut e -> {
                timeouts++;
                close(e.task(), e.atNanos());
            }
            case TimelineEvent.TaskEnded e -> {
                close(e.task(), e.atNanos());
                unqueue(e.task(), e.atNanos());
            }
            case TimelineEvent.TaskQueued e -> queuedSince[e.task()] = e.atNanos();
            case TimelineEvent.LockRequested e -> queuedSince[e.task()] = e.atNanos();
            case TimelineEvent.TaskStarted e -> unqueue(e.task(), e.atNanos());
            case TimelineEvent.LockAcquired e -> unqueue(e.task(), e.atNanos());
            default -> { }
        }
    }

    private void openStep(int task, byte kind, long at, long declared) {
        close(task, at);
        open[task] = kind;
        openSince[task] = at;
        openDeclared[task] = declared;
    }

    private void close(int task, long at) {
        if (open[task] != NONE) {
            long to = openSince[task] + Math.max(0, Math.min(openDeclared[task], at - openSince[task]));
            (open[task] == WAIT ? waits : cpus).add(new Span(openSince[task], to));
            open[task] = NONE;
        }
    }

    private void unqueue(int task, long at) {
        if (queuedSince[task] >= 0) {
            queuedNanos += Math.max(0, at - queuedSince[task]);
            queuedSince[task] = -1;
        }
    }

    List<Span> waits() {
        return waits;
    }

    List<Span> cpus() {
        return cpus;
    }

    int finishedWaits() {
        return finishedWaits;
    }

    int timeouts() {
        return timeouts;
    }

    long queuedNanos() {
        return queuedNanos;
    }

    int tasks() {
        return open.length;
    }

    /** Nanoseconds during which at least {@code depth} of the spans overlap. */
    static long coveredAtLeast(List<Span> spans, int depth) {
        long covered = 0;
        int level = 0;
        long since = 0;
        for (long[] edge : edges(spans)) {
            int before = level;
            level += (int) edge[1];
            if (before < depth && level >= depth) {
                since = edge[0];
            } else if (before >= depth && level < depth) {
                covered += edge[0] - since;
            }
        }
        return covered;
    }

    /** The most spans that overlap at one moment (spans that only touch do not overlap). */
    static int mostAtOnce(List<Span> spans) {
        int level = 0;
        int most = 0;
        for (long[] edge : edges(spans)) {
            level += (int) edge[1];
            most = Math.max(most, level);
        }
        return most;
    }

    /** Start (+1) and end (-1) edges in time order, ends first where they meet starts. */
    private static List<long[]> edges(List<Span> spans) {
        List<long[]> edges = new ArrayList<>(spans.size() * 2);
        for (Span span : spans) {
            if (span.length() > 0) {
                edges.add(new long[] {span.from(), 1});
                edges.add(new long[] {span.to(), -1});
            }
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        return edges;
    }
}
