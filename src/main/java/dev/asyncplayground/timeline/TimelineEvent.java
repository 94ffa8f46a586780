package dev.asyncplayground.timeline;

import java.util.List;

/**
 * Something that happened during a run, stamped with real time since the run started.
 *
 * <p>{@code task} is the task's index in declaration order; {@code thread} names the OS thread
 * that recorded the event (for a virtual thread, its carrier as the JDK describes it).
 */
public sealed interface TimelineEvent {

    /** Real nanoseconds since the run started. */
    long atNanos();

    /**
     * The OS thread that recorded the event; empty for events of the run rather than of a running
     * task (the run starting, a task queued, a task ended without ever starting).
     */
    String thread();

    /** The run began; lists the tasks in declaration order. */
    record RunStarted(long atNanos, String mode, List<String> tasks) implements TimelineEvent {
        public RunStarted {
            tasks = tasks instanceof PackedNames packed ? packed : List.copyOf(tasks);
        }

        @Override
        public String thread() {
            return "";
        }
    }

    /** A task is waiting for a worker to become free (thread pools, limits). */
    record TaskQueued(long atNanos, int task) implements TimelineEvent {
        @Override
        public String thread() {
            return "";
        }
    }

    /** A task began running its steps. */
    record TaskStarted(long atNanos, int task, String thread) implements TimelineEvent {}

    /** A task began a wait that uses no CPU. */
    record WaitStarted(long atNanos, int task, String thread, long durationNanos, String label)
            implements TimelineEvent {}

    /** A task's wait is over. */
    record WaitEnded(long atNanos, int task, String thread) implements TimelineEvent {}

    /** A task began burning CPU. */
    record CpuStarted(long atNanos, int task, String thread, long durationNanos, String label)
            implements TimelineEvent {}

    /** A task stopped burning CPU. */
    record CpuEnded(long atNanos, int task, String thread) implements TimelineEvent {}

    /** A task asked for a lock and, if another task holds it, waits in line. */
    record LockRequested(long atNanos, int task, String thread, String lock) implements TimelineEvent {}

    /** A task got the lock it asked for. */
    record LockAcquired(long atNanos, int task, String thread, String lock) implements TimelineEvent {}

    /** A task let go of a lock. */
    record LockReleased(long atNanos, int task, String thread, String lock) implements TimelineEvent {}

    /** A task read a shared value. */
    record SharedRead(long atNanos, int task, String thread, String name, long value) implements TimelineEvent {}

    /** A task wrote a shared value. */
    record SharedWritten(long atNanos, int task, String thread, String name, long value)
            implements TimelineEvent {}

    /** A task began waiting for other tasks to end. */
    record AwaitStarted(long atNanos, int task, String thread, List<String> tasks) implements TimelineEvent {
        public AwaitStarted {
            tasks = List.copyOf(tasks);
        }
    }

    /** The tasks awaited have all ended. */
    record AwaitEnded(long atNanos, int task, String thread) implements TimelineEvent {}

    /** A timeout expired; the steps inside it were abandoned and the task goes on. */
    record TimedOut(long atNanos, int task, String thread, long limitNanos) implements TimelineEvent {}

    /** A task printed a line. */
    record Printed(long atNanos, int task, String thread, String text) implements TimelineEvent {}

    /** A task ended; {@code message} explains a failure or cancellation and is empty otherwise. */
    record TaskEnded(long atNanos, int task, String thread, TaskOutcome outcome, String message)
            implements TimelineEvent {}
}
