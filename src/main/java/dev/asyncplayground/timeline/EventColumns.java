package dev.asyncplayground.timeline;

import java.util.Arrays;

/**
 * Events as primitive columns in fixed-size chunks: 19 bytes an event, no object per event.
 *
 * <p>Each event has a time (real nanoseconds since the run started), a task index, a kind, a
 * thread index and a detail index whose meaning depends on the kind (see {@link EventCodec}).
 * Chunks never move once allocated, so growing costs no copy of the events. Not thread-safe:
 * {@link EventLog} guards it.
 */
final class EventColumns {

    static final int CHUNK_BITS = 10;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /** Heap bytes of one chunk: 8 + 4 + 1 + 2 + 4 bytes per event and five array headers. */
    private static final long CHUNK_BYTES = (long) CHUNK * 19 + 5 * 16;

    private long[][] times = new long[0][];
    private int[][] tasks = new int[0][];
    private byte[][] kinds = new byte[0][];
    private char[][] threads = new char[0][];
    private int[][] details = new int[0][];
    private int chunks;
    private int size;

    int size() {
        return size;
    }

    void add(long at, int task, byte kind, int thread, int detail) {
        int chunk = size >>> CHUNK_BITS;
        if (chunk == chunks) {
            grow();
        }
        int slot = size & MASK;
        times[chunk][slot] = at;
        tasks[chunk][slot] = task;
        kinds[chunk][slot] = kind;
        threads[chunk][slot] = (char) thread;
        details[chunk][slot] = detail;
        size++;
    }

    long time(int i) {
        return times[i >>> CHUNK_BITS][i & MASK];
    }

    int task(int i) {
        return tasks[i >>> CHUNK_BITS][i & MASK];
    }

    byte kind(int i) {
        return kinds[i >>> CHUNK_BITS][i & MASK];
    }

    int thread(int i) {
        return threads[i >>> CHUNK_BITS][i & MASK];
    }

    int detail(int i) {
        return details[i >>> CHUNK_BITS][i & MASK];
    }

    /** An estimate of the heap the columns take, allocated chunks included. */
    long retainedBytes() {
        return chunks * CHUNK_BYTES + times.length * 5 * 8L;
    }

    /**
     * Adds one chunk, all or nothing: if the heap runs out part-way, nothing changes and the next
     * {@link #add} tries again (rather than writing into a chunk that was never allocated).
     */
    private void grow() {
        int chunk = chunks;
        long[] newTimes = new long[CHUNK];
        int[] newTasks = new int[CHUNK];
        byte[] newKinds = new byte[CHUNK];
        char[] newThreads = new char[CHUNK];
        int[] newDetails = new int[CHUNK];
        if (chunk == times.length) {
            int capacity = Math.max(4, chunk * 2);
            long[][] moreTimes = Arrays.copyOf(times, capacity);
            int[][] moreTasks = Arrays.copyOf(tasks, capacity);
            byte[][] moreKinds = Arrays.copyOf(kinds, capacity);
            char[][] moreThreads = Arrays.copyOf(threads, capacity);
            int[][] moreDetails = Arrays.copyOf(details, capacity);
            times = moreTimes;
            tasks = moreTasks;
            kinds = moreKinds;
            threads = moreThreads;
            details = moreDetails;
        }
        times[chunk] = newTimes;
        tasks[chunk] = newTasks;
        kinds[chunk] = newKinds;
        threads[chunk] = newThreads;
        details[chunk] = newDetails;
        chunks++;
    }
}
