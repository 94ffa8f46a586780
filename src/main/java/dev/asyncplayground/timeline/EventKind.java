package dev.asyncplayground.timeline;

/** The kind column's codes, one per {@link TimelineEvent} record type. */
final class EventKind {

    static final byte RUN_STARTED = 0;
    static final byte TASK_QUEUED = 1;
    static final byte TASK_STARTED = 2;
    static final byte WAIT_STARTED = 3;
    static final byte WAIT_ENDED = 4;
    static final byte CPU_STARTED = 5;
    static final byte CPU_ENDED = 6;
    static final byte LOCK_REQUESTED = 7;
    static final byte LOCK_ACQUIRED = 8;
    static final byte LOCK_RELEASED = 9;
    static final byte SHARED_READ = 10;
    static final byte SHARED_WRITTEN = 11;
    static final byte AWAIT_STARTED = 12;
    static final byte AWAIT_ENDED = 13;
    static final byte TIMED_OUT = 14;
    static final byte PRINTED = 15;
    static final byte TASK_ENDED = 16;

    private EventKind() {
    }
}
