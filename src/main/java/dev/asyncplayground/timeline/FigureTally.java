package dev.asyncplayground.timeline;

import java.util.HashSet;
import java.util.Set;

/** Goes through a run's events once, adding up the time in steps, concurrency and threads. */
final class FigureTally {

    private static final byte NONE = 0;
    private static final byte WAIT = 1;
    private static final byte CPU = 2;

    private final long[] openSince;
    private final long[] openDeclared;
    private final byte[] open;
    private final boolean[] started;
    private final Set<String> threads = new HashSet<>();
    private long waitNanos;
    private long cpuNanos;
    private int live;
    private int peak;

    FigureTally(int tasks) {
        openSince = new long[tasks];
        openDeclared = new long[tasks];
        open = new byte[tasks];
        started = new boolean[tasks];
    }

    void add(TimelineEvent event) {
        count(event);
        String thread = event.thread();
        if (!thread.isEmpty()) {
            threads.add(thread);
        }
    }

    private void count(TimelineEvent event) {
        switch (event) {
            case TimelineEvent.TaskStarted e -> {
                started[e.task()] = true;
                peak = Math.max(peak, ++live);
            }
            case TimelineEvent.WaitStarted e -> openStep(e.task(), WAIT, e.atNanos(), e.durationNanos());
            case TimelineEvent.CpuStarted e -> openStep(e.task(), CPU, e.atNanos(), e.durationNanos());
            case TimelineEvent.WaitEnded e -> closeStep(e.task(), e.atNanos());
            case TimelineEvent.CpuEnded e -> closeStep(e.task(), e.atNanos());
            case TimelineEvent.TaskEnded e -> {
                closeStep(e.task(), e.atNanos());
                if (started[e.task()]) {
                    started[e.task()] = false;
                    live--;
                }
            }
            case TimelineEvent.RunStarted e -> { }
            case TimelineEvent.TaskQueued e -> { }
            case TimelineEvent.LockRequested e -> { }
            case TimelineEvent.LockAcquired e -> { }
            case TimelineEvent.LockReleased e -> { }
            case TimelineEvent.SharedRead e -> { }
            case TimelineEvent.SharedWritten e -> { }
            case TimelineEvent.AwaitStarted e -> { }
            case TimelineEvent.AwaitEnded e -> { }
            case TimelineEvent.TimedOut e -> { }
            case TimelineEvent.Printed e -> { }
        }
    }

    /** Cuts steps still open at the given time. */
    void closeAll(long atNanos) {
        for (int task = 0; task < open.length; task++) {
            closeStep(task, atNanos);
        }
    }

    long waitNanos() {
        return waitNanos;
    }

    long cpuNanos() {
        return cpuNanos;
    }

    int peak() {
        return peak;
    }

    int threads() {
        return threads.size();
    }

    private void openStep(int task, byte kind, long at, long declared) {
        closeStep(task, at);
        open[task] = kind;
        openSince[task] = at;
        openDeclared[task] = declared;
    }

    private void closeStep(int task, long at) {
        long took = Math.max(0, Math.min(openDeclared[task], at - openSince[task]));
        switch (open[task]) {
            case WAIT -> waitNanos += took;
            case CPU -> cpuNanos += took;
            default -> { }
        }
        open[task] = NONE;
    }
}
