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
 * computes on one carrier, the carrier's CPU time is its own. A virtual thread that blocks, even
 * for a moment inside a map, may come back on another carrier, so every reading names the carrier
 * it read, and two readings of different carriers are not compared ({@link Reading#since}): a
 * clock kept from before the move would be another thread's, frozen once that carrier idles.
 */
final class CpuClock {

    /**
     * One reading.
     *
     * @param thread   the OS thread read (empty for the caller's own platform thread)
     * @param cpuNanos its CPU time, or -1 if it cannot be read
     */
    record Reading(String thread, long cpuNanos) {

        /** CPU time from an earlier reading to this one, or -1 if they are not comparable. */
        long since(Reading earlier) {
            boolean comparable = thread.equals(earlier.thread) && cpuNanos >= 0 && earlier.cpuNanos >= 0;
            return comparable ? cpuNanos - earlier.cpuNanos : -1;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isThreadCpuTimeSupported();
    private static final ConcurrentMap<String, Long> CARRIER_IDS = new ConcurrentHashMap<>();
    /** Carriers come and go (an idle one ends, a new one has a new name): past this many names, start over. */
    private static final int KNOWN_CARRIERS = 64;

    private CpuClock() {
    }

    /** The CPU time of the OS thread running the caller now, and which thread that is. */
    static Reading read() {
        Thread current = Thread.currentThread();
        if (!SUPPORTED) {
            return new Reading("", -1);
        }
        if (!current.isVirtual()) {
            return new Reading("", THREADS.getCurrentThreadCpuTime());
        }
        String carrier = Threads.carrierOf(current.toString());
        Long id = CARRIER_IDS.get(carrier);
        long cpu = id == null ? -1 : THREADS.getThreadCpuTime(id);
        if (cpu < 0) {
            id = findCarrier(carrier);
            cpu = id == null ? -1 : THREADS.getThreadCpuTime(id);
        }
        return new Reading(carrier, cpu);
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
