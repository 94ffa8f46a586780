package dev.asyncplayground.engine;

import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.List;

/**
 * Records one task's events in its world, naming the OS thread that records each.
 *
 * <p>The thread is looked up once per stretch of steps the task takes without waiting (naming a
 * virtual thread's carrier is costly): a task only changes threads while a need of its is met, so
 * the cursor calls {@link #resumed()} each time it goes on.
 */
final class TaskEvents {

    private final TaskWorld world;
    private final int task;
    private String thread;

    TaskEvents(TaskWorld world, int task) {
        this.world = world;
        this.task = task;
    }

    /** The task goes on after waiting: it may be on another OS thread now. */
    void resumed() {
        thread = null;
    }

    private void record(EventMaker event) {
        if (thread == null) {
            thread = world.currentThread();
        }
        world.record(event, thread);
    }

    void started() {
        record((at, thread) -> new TimelineEvent.TaskStarted(at, task, thread));
    }

    void waitStarted(long nanos, String label) {
        record((at, thread) -> new TimelineEvent.WaitStarted(at, task, thread, nanos, label));
    }

    void waitEnded() {
        record((at, thread) -> new TimelineEvent.WaitEnded(at, task, thread));
    }

    void cpuStarted(long nanos, String label) {
        record((at, thread) -> new TimelineEvent.CpuStarted(at, task, thread, nanos, label));
    }

    void cpuEnded() {
        record((at, thread) -> new TimelineEvent.CpuEnded(at, task, thread));
    }

    void printed(String text) {
        record((at, thread) -> new TimelineEvent.Printed(at, task, thread, text));
    }

    void lockRequested(String lock) {
        record((at, thread) -> new TimelineEvent.LockRequested(at, task, thread, lock));
    }

    void lockAcquired(String lock) {
        record((at, thread) -> new TimelineEvent.LockAcquired(at, task, thread, lock));
    }

    void lockReleased(String lock) {
        record((at, thread) -> new TimelineEvent.LockReleased(at, task, thread, lock));
    }

    void sharedRead(String name, long value) {
        record((at, thread) -> new TimelineEvent.SharedRead(at, task, thread, name, value));
    }

    void sharedWritten(String name, long value) {
        record((at, thread) -> new TimelineEvent.SharedWritten(at, task, thread, name, value));
    }

    void awaitStarted(List<String> names) {
        record((at, thread) -> new TimelineEvent.AwaitStarted(at, task, thread, names));
    }

    void awaitEnded() {
        record((at, thread) -> new TimelineEvent.AwaitEnded(at, task, thread));
    }

    void timedOut(long limitNanos) {
        record((at, thread) -> new TimelineEvent.TimedOut(at, task, thread, limitNanos));
    }

    /** The task's end; a task that never started ran on no thread, so its end names none. */
    void ended(boolean ran, TaskOutcome outcome, String message) {
        record((at, thread) -> new TimelineEvent.TaskEnded(at, task, ran ? thread : "", outcome, message));
    }

    /** The task is held back until a worker or permit is free. */
    void queued() {
        record((at, thread) -> new TimelineEvent.TaskQueued(at, task));
    }
}
