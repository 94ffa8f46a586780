package dev.asyncplayground.engine;

import java.util.ArrayDeque;

/** The frames a task is inside, innermost first; leaving a locked frame lets go of its lock. */
final class FrameStack {

    private final ArrayDeque<Frame> frames = new ArrayDeque<>(2);
    private final LockRelease locks;
    private final TaskEvents events;

    FrameStack(LockRelease locks, TaskEvents events) {
        this.locks = locks;
        this.events = events;
    }

    void push(Frame frame) {
        frames.push(frame);
    }

    Frame top() {
        return frames.peek();
    }

    /** Leaves the innermost frame, whose steps are done. */
    void leaveTop() {
        leave(frames.pop());
    }

    /**
     * Leaves frames up to and including the timeout block whose own deadline has passed, and
     * records that it timed out; the task goes on after that block.
     */
    void unwindTo(long deadline) {
        while (frames.size() > 1) {
            Frame frame = frames.pop();
            leave(frame);
            if (frame.kind == Frame.Kind.TIMEOUT && frame.ownDeadline == deadline) {
                events.timedOut(frame.limitNanos);
                return;
            }
        }
        throw new TaskFailure("a timeout expired outside any timeout block");
    }

    /** Leaves every frame, as a task does when it ends early. */
    void leaveAll() {
        while (!frames.isEmpty()) {
            leave(frames.pop());
        }
    }

    private void leave(Frame frame) {
        switch (frame.kind) {
            case LOCKED -> {
                events.lockReleased(frame.lock);
                locks.release(frame.lock);
            }
            case TASK, TIMEOUT -> { }
        }
    }
}
