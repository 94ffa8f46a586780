package dev.asyncplayground.engine;

import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.List;

/** Records one task's events in its world, naming the OS thread that records each. */
final class TaskEvents {

    private final TaskWorld world;
    private final int task;

    TaskEvents(TaskWorld world, int task) {
        this.world = world;
        this.task = task;
    }

    void started() {
        world.record((at, thread) -> new TimelineEvent.TaskStarted(at, task, thread));
    }

    void waitStarted(long nanos, String label) {
        world.record((at, thread) -> new TimelineEvent.WaitStarted(at, task, thread, nanos, label));
    }

    void waitEnded() {
        world.record((at, thread) -> new TimelineEvent.WaitEnded(at, task, thread));
    }

    void cpuStarted(long nanos, String label) {
        world.record((at, thread) -> new TimelineEvent.CpuStarted(at, task, thread, nanos, label));
    }

    void cpuEnded() {
        world.record((at, thread) -> new TimelineEvent.CpuEnded(at, task, thread));
    }

    void printed(String text) {
        world.record((at, thread) -> new TimelineEvent.Printed(at, task, thread, text));
    }

    void lockRequested(String lock) {
        world.record((at, thread) -> new TimelineEvent.LockRequested(at, task, thread, lock));
    }

    void lockAcquired(String lock) {
        world.record((at, thread) -> new TimelineEvent.LockAcquired(at, task, thread, lock));
    }

    void lockReleased(String lock) {
        world.record((at, thread) -> new TimelineEvent.LockReleased(at, task, thread, lock));
    }

    void sharedRead(String name, long value) {
        world.record((at, thread) -> new TimelineEvent.SharedRead(at, task, thread, name, value));
    }

    void sharedWritten(String name, long value) {
        world.record((at, thread) -> new TimelineEvent.SharedWritten(at, task, thread, name, value));
    }

    void awaitStarted(List<String> names) {
        world.record((at, thread) -> new TimelineEvent.AwaitStarted(at, task, thread, names));
    }

    void awaitEnded() {
        world.record((at, thread) -> new TimelineEvent.AwaitEnded(at, task, thread));
    }

    void timedOut(long limitNanos) {
        world.record((at, thread) -> new TimelineEvent.TimedOut(at, task, thread, limitNanos));
    }

    /** The task's end; a task that never started ran on no thread, so its end names none. */
    void ended(boolean ran, TaskOutcome outcome, String message) {
        world.record((at, thread) -> new TimelineEvent.TaskEnded(at, task, ran ? thread : "", outcome, message));
    }

    /** The task is held back until a worker or permit is free. */
    void queued() {
        world.record((at, thread) -> new TimelineEvent.TaskQueued(at, task));
    }
}
