package dev.asyncplayground.engine;

import java.util.List;

/**
 * What a task needs before it can go on: time, the CPU, a lock or other tasks' ends.
 *
 * <p>{@link TaskCursor} hands one out; the model meets it in its own way and tells the cursor
 * whether it was met before {@link #deadline()} (the innermost timeout's end).
 */
sealed interface Need {

    /** The same for every task: nothing more is needed. */
    Need FINISHED = new Finished();

    /** When a timeout cuts the need short, or {@link TaskCursor#NO_DEADLINE}. */
    long deadline();

    /**
     * Time to pass without using the CPU.
     *
     * @param wakeAt  when the wait ends (the deadline if that comes first)
     * @param expires true if the deadline ends the wait early
     */
    record Sleep(long wakeAt, boolean expires, long deadline) implements Need {}

    /** CPU time to burn: {@code nanos} of it, or as much as fits before the deadline. */
    record Burn(long nanos, long deadline) implements Need {}

    /** The named lock, in line behind any task that asked for it first. */
    record Lock(String name, long deadline) implements Need {}

    /** The end of every task listed (by index). */
    record Join(List<Integer> tasks, long deadline) implements Need {}

    /** The task has ended; its end is recorded. */
    record Finished() implements Need {
        @Override
        public long deadline() {
            return TaskCursor.NO_DEADLINE;
        }
    }
}
