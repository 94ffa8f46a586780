package dev.asyncplayground.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads the CPU time of the OS thread running the caller.
 *
 * <p>A platform thread reads its own. The JVM reports no CPU time for a virtual thread (-1 on
 * JDK 21–25), so a virtual thread reads its carrier's, found by the carrier's name: while it burns
 * CPU a virtual thread never leaves its carrier, so the carrier's CPU time is its own. Finding the
 * carrier takes the virtual thread's description, so a burn finds it once ({@link #current()}) and
 * then reads that clock alone, once a millisecond.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isThreadCpuTimeSupported();
    private static final ConcurrentMap<String, Long> CARRIER_IDS = new ConcurrentHashMap<>();
    /** Carriers come and go (an idle one ends, a new one has a new name): past this many names, start over. */
    private static final int KNOWN_CARRIERS = 64;

    /** Stands for "the calling platform thread itself" in {@link Clock#threadId}. */
    private static final long OWN = -1;
    /** Stands for "no clock can be read" in {@link Clock#threadId}. */
    private static final long NONE = -2;

    /**
     * The clock of one OS thread.
     *
     * @param thread   its name (empty for the caller's own platform thread)
     * @param threadId its id, or {@code OWN} or {@code NONE}
     */
    record Clock(String thread, long threadId) {

        /** The thread's CPU time so far, or -1 if it cannot be read. */
        long cpuNanos() {
            if (threadId == OWN) {
                return THREADS.getCurrentThreadCpuTime();
            }
            return threadId == NONE ? -1 : THREADS.getThreadCpuTime(threadId);
        }
    }

    private CpuClock() {
    }

    /**
     * The clock of the OS thread running the caller now: its own for a platform thread, its
     * carrier's for a virtual thread, which stays on that carrier until it next blocks.
     */
    static Clock current() {
        Thread current = Thread.currentThread();
        if (!SUPPORTED) {
            return new Clock("", NONE);
        }
        if (!current.isVirtual()) {
            return new Clock("", OWN);
        }
        String carrier = Threads.carrierOf(current.toString());
        Long id = CARRIER_IDS.get(carrier);
        if (id == null || THREADS.getThreadCpuTime(id) < 0) {
            id = findCarrier(carrier);
        }
        return new Clock(carrier, id == null ? NONE : id);
    }

    private static Long findCarrier(String name) {
        if (CARRIER_IDS.size() >= KNOWN_CARRIERS) {
            CARRIER_IDS.clear();
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                CARRIER_IDS.put(name, info.getThreadId());
                return info.getThreadId();
            }
        }
        return null;
    }
}
