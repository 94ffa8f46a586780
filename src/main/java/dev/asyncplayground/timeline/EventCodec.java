package dev.asyncplayground.timeline;

import java.util.List;

/**
 * Writes events into columns and reads them back as {@link TimelineEvent} records.
 *
 * <p>Thread names and texts (labels, printed lines, lock and shared names, end messages) are
 * interned once per log; numbers (durations, values, outcomes) go with a text into the
 * {@link Details}. The one {@link TimelineEvent.RunStarted} of a run, which lists every task,
 * is kept as it is. Not thread-safe: {@link EventLog} guards it.
 */
final class EventCodec {

    private static final int NONE = -1;
    private static final String SEPARATOR = "\u001f";
    private static final TaskOutcome[] OUTCOMES = TaskOutcome.values();

    private final EventColumns columns = new EventColumns();
    private final Interner threads = new Interner();
    private final Interner texts = new Interner();
    private final Details details = new Details();
    private TimelineEvent.RunStarted runStarted;
    private long runStartedBytes;

    int size() {
        return columns.size();
    }

    /** Stores one event at the end of the columns. */
    void add(TimelineEvent event) {
        long at = event.atNanos();
        switch (event) {
            case TimelineEvent.RunStarted e -> {
                runStarted = e;
                runStartedBytes = e.tasks() instanceof PackedNames packed ? packed.retainedBytes()
                        : e.tasks().stream().mapToLong(name -> 64L + name.length()).sum();
                put(at, 0, EventKind.RUN_STARTED, e.thread(), NONE);
            }
            case TimelineEvent.TaskQueued e -> put(at, e.task(), EventKind.TASK_QUEUED, e.thread(), NONE);
            case TimelineEvent.TaskStarted e -> put(at, e.task(), EventKind.TASK_STARTED, e.thread(), NONE);
            case TimelineEvent.WaitStarted e -> put(at, e.task(), EventKind.WAIT_STARTED, e.thread(),
                    detail(e.durationNanos(), e.label()));
            case TimelineEvent.WaitEnded e -> put(at, e.task(), EventKind.WAIT_ENDED, e.thread(), NONE);
            case TimelineEvent.CpuStarted e -> put(at, e.task(), EventKind.CPU_STARTED, e.thread(),
                    detail(e.durationNanos(), e.label()));
            case TimelineEvent.CpuEnded e -> put(at, e.task(), EventKind.CPU_ENDED, e.thread(), NONE);
            case TimelineEvent.LockRequested e -> put(at, e.task(), EventKind.LOCK_REQUESTED, e.thread(),
                    detail(0, e.lock()));
            case TimelineEvent.LockAcquired e -> put(at, e.task(), EventKind.LOCK_ACQUIRED, e.thread(),
                    detail(0, e.lock()));
            case TimelineEvent.LockReleased e -> put(at, e.task(), EventKind.LOCK_RELEASED, e.thread(),
                    detail(0, e.lock()));
            case TimelineEvent.SharedRead e -> put(at, e.task(), EventKind.SHARED_READ, e.thread(),
                    detail(e.value(), e.name()));
            case TimelineEvent.SharedWritten e -> put(at, e.task(), EventKind.SHARED_WRITTEN, e.thread(),
                    detail(e.value(), e.name()));
            case TimelineEvent.AwaitStarted e -> put(at, e.task(), EventKind.AWAIT_STARTED, e.thread(),
                    detail(0, String.join(SEPARATOR, e.tasks())));
            case TimelineEvent.AwaitEnded e -> put(at, e.task(), EventKind.AWAIT_ENDED, e.thread(), NONE);
            case TimelineEvent.TimedOut e -> put(at, e.task(), EventKind.TIMED_OUT, e.thread(),
                    detail(e.limitNanos(), ""));
            case TimelineEvent.Printed e -> put(at, e.task(), EventKind.PRINTED, e.thread(), detail(0, e.text()));
            case TimelineEvent.TaskEnded e -> put(at, e.task(), EventKind.TASK_ENDED, e.thread(),
                    detail(e.outcome().ordinal(), e.message()));
        }
    }

    /** Event number {@code i} (from 0) as a record. */
    TimelineEvent get(int i) {
        long at = columns.time(i);
        int task = columns.task(i);
        String thread = threads.get(columns.thread(i));
        int detail = columns.detail(i);
        return switch (columns.kind(i)) {
            case EventKind.RUN_STARTED -> runStarted;
            case EventKind.TASK_QUEUED -> new TimelineEvent.TaskQueued(at, task);
            case EventKind.TASK_STARTED -> new TimelineEvent.TaskStarted(at, task, thread);
            case EventKind.WAIT_STARTED -> new TimelineEvent.WaitStarted(at, task, thread, value(detail), text(detail));
            case EventKind.WAIT_ENDED -> new TimelineEvent.WaitEnded(at, task, thread);
            case EventKind.CPU_STARTED -> new TimelineEvent.CpuStarted(at, task, thread, value(detail), text(detail));
            case EventKind.CPU_ENDED -> new TimelineEvent.CpuEnded(at, task, thread);
            case EventKind.LOCK_REQUESTED -> new TimelineEvent.LockRequested(at, task, thread, text(detail));
            case EventKind.LOCK_ACQUIRED -> new TimelineEvent.LockAcquired(at, task, thread, text(detail));
            case EventKind.LOCK_RELEASED -> new TimelineEvent.LockReleased(at, task, thread, text(detail));
            case EventKind.SHARED_READ -> new TimelineEvent.SharedRead(at, task, thread, text(detail), value(detail));
            case EventKind.SHARED_WRITTEN -> new TimelineEvent.SharedWritten(at, task, thread, text(detail),
                    value(detail));
            case EventKind.AWAIT_STARTED -> new TimelineEvent.AwaitStarted(at, task, thread,
                    List.of(text(detail).split(SEPARATOR, -1)));
            case EventKind.AWAIT_ENDED -> new TimelineEvent.AwaitEnded(at, task, thread);
            case EventKind.TIMED_OUT -> new TimelineEvent.TimedOut(at, task, thread, value(detail));
            case EventKind.PRINTED -> new TimelineEvent.Printed(at, task, thread, text(detail));
            case EventKind.TASK_ENDED -> new TimelineEvent.TaskEnded(at, task, thread,
                    OUTCOMES[(int) value(detail)], text(detail));
            default -> throw new IllegalStateException("unknown event kind " + columns.kind(i));
        };
    }

    /** An estimate of the heap the stored events take. */
    long retainedBytes() {
        return columns.retainedBytes() + threads.retainedBytes() + texts.retainedBytes() + details.retainedBytes()
                + runStartedBytes;
    }

    private void put(long at, int task, byte kind, String thread, int detail) {
        int index = threads.index(thread);
        if (index > Character.MAX_VALUE) {
            throw new IllegalStateException("a run may record at most " + (int) Character.MAX_VALUE + " OS threads");
        }
        columns.add(at, task, kind, index, detail);
    }

    private int detail(long value, String text) {
        return details.of(value, texts.index(text));
    }

    private long value(int detail) {
        return details.value(detail);
    }

    private String text(int detail) {
        return texts.get(details.text(detail));
    }
}
