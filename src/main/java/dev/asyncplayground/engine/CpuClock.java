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
 * JDK 21–25), so a virtual thread reads its carrier's, found by the carrier's name: while it
 * computes on one carrier, the carrier's CPU time is its own. But a virtual thread that blocks,
 * even on a contended {@code synchronized} inside a map, comes back on whichever carrier is free:
 * a clock found before that would be another thread's: frozen if that carrier went idle, and a
 * burn would then spin until its run's deadline; or counting someone else's work. So
 * {@link #current()} finds the carrier again if it changed while it was being found, and a burn
 * asks {@link Clock#isCallers()} before each reading.
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

        /** True if this is still the clock of the OS thread running the caller (a virtual thread may have moved). */
        boolean isCallers() {
            Thread current = Thread.currentThread();
            return !current.isVirtual() || threadId == NONE || thread.equals(Threads.carrierOf(current.toString()));
        }
    }

    private CpuClock() {
    }

    /**
     * The clock of the OS thread running the caller now: its own for a platform thread, its
     * carrier's for a virtual thread, found again if finding it moved the thread to another carrier.
     */
    static Clock current() {
        Thread current = Thread.currentThread();
        if (!SUPPORTED) {
            return new Clock("", NONE);
        }
        if (!current.isVirtual()) {
            return new Clock("", OWN);
        }
        while (true) {
            String carrier = Threads.carrierOf(current.toString());
            Long id = CARRIER_IDS.get(carrier);
            if (id == null || THREADS.getThreadCpuTime(id) < 0) {
                id = findCarrier(carrier);
            }
            Clock clock = new Clock(carrier, id == null ? NONE : id);
            if (clock.isCallers()) {
                return clock;
            }
        }
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
