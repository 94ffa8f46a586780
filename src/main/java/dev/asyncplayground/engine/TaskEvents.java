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
        world.record(at -> new TimelineEvent.TaskStarted(at, task, Threads.current()));
    }

    void waitStarted(long nanos, String label) {
        world.record(at -> new TimelineEvent.WaitStarted(at, task, Threads.current(), nanos, label));
    }

    void waitEnded() {
        world.record(at -> new TimelineEvent.WaitEnded(at, task, Threads.current()));
    }

    void cpuStarted(long nanos, String label) {
        world.record(at -> new TimelineEvent.CpuStarted(at, task, Threads.current(), nanos, label));
    }

    void cpuEnded() {
        world.record(at -> new TimelineEvent.CpuEnded(at, task, Threads.current()));
    }

    void printed(String text) {
        world.record(at -> new TimelineEvent.Printed(at, task, Threads.current(), text));
    }

    void lockRequested(String lock) {
        world.record(at -> new TimelineEvent.LockRequested(at, task, Threads.current(), lock));
    }

    void lockAcquired(String lock) {
        world.record(at -> new TimelineEvent.LockAcquired(at, task, Threads.current(), lock));
    }

    void lockReleased(String lock) {
        world.record(at -> new TimelineEvent.LockReleased(at, task, Threads.current(), lock));
    }

    void sharedRead(String name, long value) {
        world.record(at -> new TimelineEvent.SharedRead(at, task, Threads.current(), name, value));
    }

    void sharedWritten(String name, long value) {
        world.record(at -> new TimelineEvent.SharedWritten(at, task, Threads.current(), name, value));
    }

    void awaitStarted(List<String> names) {
        world.record(at -> new TimelineEvent.AwaitStarted(at, task, Threads.current(), names));
    }

    void awaitEnded() {
        world.record(at -> new TimelineEvent.AwaitEnded(at, task, Threads.current()));
    }

    void timedOut(long limitNanos) {
        world.record(at -> new TimelineEvent.TimedOut(at, task, Threads.current(), limitNanos));
    }

    /** The task's end; a task that never started ran on no thread, so its end names none. */
    void ended(boolean ran, TaskOutcome outcome, String message) {
        world.record(at -> new TimelineEvent.TaskEnded(at, task, ran ? Threads.current() : "", outcome, message));
    }

    /** The task is held back until a worker or permit is free. */
    void queued() {
        world.record(at -> new TimelineEvent.TaskQueued(at, task));
    }
}
