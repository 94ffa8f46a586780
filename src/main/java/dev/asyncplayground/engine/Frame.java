package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Step;
import java.util.List;

/** A list of steps a task is part way through: its body, a locked block or a timeout block. */
final class Frame {

    /** What entering the frame started, and so what leaving it must undo. */
    enum Kind { TASK, LOCKED, TIMEOUT }

    final Kind kind;
    /** The innermost deadline for steps in this frame. */
    final long deadline;
    /** The lock held, for {@link Kind#LOCKED}. */
    final String lock;
    /** This timeout's own deadline and limit, for {@link Kind#TIMEOUT}. */
    final long ownDeadline;
    final long limitNanos;
    private final List<Step> steps;
    private int next;

    private Frame(Kind kind, List<Step> steps, long deadline, String lock, long ownDeadline, long limitNanos) {
        this.kind = kind;
        this.steps = steps;
        this.deadline = deadline;
        this.lock = lock;
        this.ownDeadline = ownDeadline;
        this.limitNanos = limitNanos;
    }

    static Frame task(List<Step> steps) {
        return new Frame(Kind.TASK, steps, TaskCursor.NO_DEADLINE, "", TaskCursor.NO_DEADLINE, 0);
    }

    static Frame locked(String lock, List<Step> body, long deadline) {
        return new Frame(Kind.LOCKED, body, deadline, lock, TaskCursor.NO_DEADLINE, 0);
    }

    static Frame timeout(List<Step> body, long ownDeadline, long limitNanos, long outerDeadline) {
        return new Frame(Kind.TIMEOUT, body, Math.min(ownDeadline, outerDeadline), "", ownDeadline, limitNanos);
    }

    boolean done() {
        return next == steps.size();
    }

    /** The next step, which counts as begun. */
    Step take() {
        return steps.get(next++);
    }
}
