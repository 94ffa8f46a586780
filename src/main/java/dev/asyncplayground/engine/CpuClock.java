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
public final class CpuClock {

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
    private static final int WARM_UP_TURNS = 40;
    private static volatile long sink;

    private CpuClock() {
    }

    /**
     * The CPU time of the OS thread running the caller now, and which thread that is. The caller
     * says whether it is a virtual thread, having asked once (a thread's kind never changes): asking
     * at every reading let the JIT guess the thread's class there from other callers' threads, and
     * throw the compiled clock away when a thread of another class came.
     */
    static Reading read(boolean virtual) {
        if (!SUPPORTED) {
            return new Reading("", -1);
        }
        if (!virtual) {
            return new Reading("", THREADS.getCurrentThreadCpuTime());
        }
        String carrier = Threads.carrierOf(Thread.currentThread().toString());
        Long id = CARRIER_IDS.get(carrier);
        long cpu = id == null ? -1 : THREADS.getThreadCpuTime(id);
        if (cpu < 0) {
            id = findCarrier(carrier);
            cpu = id == null ? -1 : THREADS.getThreadCpuTime(id);
        }
        return new Reading(carrier, cpu);
    }

    /**
     * Takes {@code readings} readings on the calling platform thread and as many on virtual threads,
     * in turns, so that the JIT compiles the clock fully before a timed run burns CPU: compiling it
     * during a learner's first run took CPU from its cpu steps. In turns, because code compiled
     * after seeing one kind of thread only is thrown away when the other comes, and compiled again
     * later; on threads named as a run's are, as a precaution, since a virtual thread's description
     * (which the reading parses) includes its name when it has one. The carriers' names are
     * forgotten before each turn on a virtual thread, so that the JIT also sees a carrier it does
     * not know yet: when only a learner's run met one (a carrier the warm-up never ran on, or a new
     * one after an idle one ended), the compiled clock was thrown away in the middle of the run and
     * compiled again, taking 110-120 ms of a core from it. Each reading also names its thread, as
     * every event of a run does ({@link Threads#current}).
     */
    public static void warmUp(int readings) throws InterruptedException {
        Thread.Builder virtual = CarrierPool.threads().name("clock-warm-up-", 0);
        int perTurn = Math.max(1, readings / WARM_UP_TURNS);
        for (int turn = 0; turn < WARM_UP_TURNS; turn++) {
            readMany(false, perTurn);
            CARRIER_IDS.clear();
            virtual.start(() -> readMany(true, perTurn)).join();
        }
    }

    private static void readMany(boolean virtual, int readings) {
        Reading last = read(virtual);
        long sum = 0;
        for (int i = 1; i < readings; i++) {
            Reading now = read(virtual);
            sum += now.since(last) + Threads.current().length();
            last = now;
        }
        sink = sum;
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
