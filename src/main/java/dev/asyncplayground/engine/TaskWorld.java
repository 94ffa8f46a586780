package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.TaskSpec;
import java.time.Duration;

/**
 * What a task's steps act on: a clock, the event record, the other tasks and the shared values.
 *
 * <p>A real run ({@link RunState}) and the ideal-time simulation ({@link SimWorld}) both provide
 * one, so that {@link TaskCursor} gives steps the same meaning in both.
 */
interface TaskWorld {

    /** The current time in this world's nanoseconds (real for a run, simulated for the ideal). */
    long now();

    /** This world's nanoseconds for a scenario duration. */
    long nanos(Duration scenario);

    /** The OS thread running the caller, as events name it; a simulation names none. */
    String currentThread();

    /**
     * Records an event that happened on {@code thread}, stamped by the world with the time; a
     * simulation may drop it without building it.
     */
    void record(EventMaker event, String thread);

    /**
     * Lets viewers see the events recorded since the last call: the cursor calls it once it has
     * taken a stretch of steps, so viewers wake once per stretch rather than once per event.
     */
    void publish();

    /** The program's tasks by position and by name. */
    TaskIndex tasks();

    default TaskSpec spec(int task) {
        return tasks().spec(task);
    }

    /** The index of a task by name; a {@link TaskFailure} if there is none. */
    default int indexOf(String task) {
        return tasks().indexOf(task);
    }

    default String nameOf(int task) {
        return tasks().nameOf(task);
    }

    boolean ended(int task);

    /** Notes that a task has ended (after its last event is recorded). */
    void markEnded(int task);

    /** True when tasks run strictly one after another, so awaiting a later task cannot work. */
    boolean oneAtATime();

    long read(String shared);

    void write(String shared, long value);

    /**
     * Counts a printed line and its bytes; false when it is past an output limit (the world then
     * stops the run).
     */
    boolean countPrint(String text);

    /** A real-time reading in nanoseconds for measuring the engine's own work (0 in a simulation). */
    long engineClock();

    /**
     * Adds time the engine spent taking a task's steps (between two {@link #engineClock()}
     * readings); past the engine limit, the world stops the run.
     */
    void chargeEngine(long nanos);

    /** True once the run is stopping: no task takes another step. */
    boolean stopping();

    /** Why tasks are being stopped: the end message of cancelled tasks and of a refused print. */
    String stopReason();
}
