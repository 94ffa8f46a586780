package dev.asyncplayground.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one shared value: its start, its end, what it should have ended as, and how
 * many updates were lost, read from the run's reads and writes of it.
 *
 * <p>An update is a task's read followed by its write. A write is lost when another task writes
 * later on the strength of a read made before it: that task never saw it and overwrote it.
 */
final class SharedHistory {

    private final Map<Integer, long[]> pendingReads = new HashMap<>();
    private final List<Boolean> overwritten = new ArrayList<>();
    private boolean seen;
    private long current;
    private long expected;

    /** Replays the reads and writes of {@code name}; the result is empty-handed if there were none. */
    static SharedHistory of(String name, List<TimelineEvent> events) {
        SharedHistory history = new SharedHistory();
        for (TimelineEvent event : events) {
            if (event instanceof TimelineEvent.SharedRead read && read.name().equals(name)) {
                history.read(read.task(), read.value());
            } else if (event instanceof TimelineEvent.SharedWritten written && written.name().equals(name)) {
                history.write(written.task(), written.value());
            }
        }
        return history;
    }

    private void read(int task, long value) {
        first(value);
        pendingReads.put(task, new long[] {value, overwritten.size()});
    }

    private void write(int task, long value) {
        first(value);
        long[] read = pendingReads.remove(task);
        if (read != null) {
            expected += value - read[0];
            for (int older = (int) read[1]; older < overwritten.size(); older++) {
                overwritten.set(older, true);
            }
        }
        overwritten.add(false);
        current = value;
    }

    private void first(long value) {
        if (!seen) {
            seen = true;
            current = value;
            expected = value;
        }
    }

    /** True if the value was read or written at all. */
    boolean seen() {
        return seen;
    }

    /** The value after the last write (or as first read, if nobody wrote it). */
    long last() {
        return current;
    }

    /** The first value read plus the amount of every update that wrote. */
    long expected() {
        return expected;
    }

    /** Writes that a later write overwrote without having read them. */
    long lost() {
        return overwritten.stream().filter(b -> b).count();
    }
}
