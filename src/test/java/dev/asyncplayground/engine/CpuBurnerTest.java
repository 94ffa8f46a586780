package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class CpuBurnerTest {

    private static final long MS = 1_000_000;
    /** Where the helper's busy work goes, so the JIT keeps it. */
    private static volatile long sink;

    @Test
    void aPlatformThreadBurnsTheFullCpuTime() throws InterruptedException {
        AtomicLong charged = new AtomicLong();
        long before = CpuClock.read(false).cpuNanos();
        assertTrue(CpuBurner.burn(60 * MS, TaskCursor.NO_DEADLINE, nanos -> charged.addAndGet(nanos) >= 0));
        long burnt = CpuClock.read(false).cpuNanos() - before;
        assertTrue(burnt >= 60 * MS, "CPU time burnt: " + burnt / 1e6 + " ms");
        assertTrue(charged.get() >= 60 * MS && charged.get() <= burnt, "charged " + charged.get() / 1e6 + " ms");
    }

    @Test
    void theDeadlineCutsABurnShort() throws InterruptedException {
        long start = System.nanoTime();
        assertFalse(CpuBurner.burn(5_000 * MS, start + 30 * MS, nanos -> true));
        assertTrue(System.nanoTime() - start < 1_000 * MS);
    }

    @Test
    void aRefusingBudgetStopsTheBurn() {
        assertThrows(InterruptedException.class,
                () -> CpuBurner.burn(5_000 * MS, TaskCursor.NO_DEADLINE, nanos -> false));
    }

    @Test
    void aVirtualThreadMeasuresItsCarriersCpuTimeAsTheJvmGivesNoneForIt() throws InterruptedException {
        AtomicLong ownCpuTime = new AtomicLong();
        AtomicBoolean whole = new AtomicBoolean();
        CpuClock.Reading[] readings = new CpuClock.Reading[2];
        Thread.ofVirtual().start(() -> {
            ownCpuTime.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            readings[0] = CpuClock.read(true);
            try {
                whole.set(CpuBurner.burn(40 * MS, TaskCursor.NO_DEADLINE, nanos -> true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readings[1] = CpuClock.read(true);
        }).join();
        assertEquals(-1, ownCpuTime.get(), "JDK 21-25 give no CPU time for virtual threads");
        assertTrue(whole.get());
        assertTrue(readings[0].thread().startsWith("ForkJoinPool"), readings[0].thread());
        assertTrue(readings[1].since(readings[0]) >= 40 * MS, "the carrier burnt " + readings[1].since(readings[0]));
    }

    /**
     * A virtual thread that blocks in the middle of a burn (here, in its budget) comes back on a
     * carrier that is free; the one it left is kept busy meanwhile, then idles. Reading the left
     * carrier's clock from then on, the burn would wait for a clock that no longer moves, until its
     * deadline.
     */
    @Test
    void aBurnThatComesBackOnAnotherCarrierReadsThatCarriersClockAndEnds() throws InterruptedException {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one carrier: a virtual thread cannot move");
        int moved = 0;
        for (int attempt = 0; attempt < 100 && moved < 3; attempt++) {
            Migration migration = burnMovedOnce(60 * MS, System.nanoTime() + 10_000 * MS);
            if (migration.moved()) {
                moved++;
                assertTrue(migration.whole(), "the burn ended at its deadline: " + migration);
                assertTrue(migration.wallMs() < 2_000, "the burn took " + migration.wallMs() + " ms");
            }
        }
        assertTrue(moved > 0, "no attempt moved the burning thread to another carrier");
    }

    /** One burn that parks once, a third of the way in, while a helper holds its carrier. */
    private record Migration(String before, String after, boolean whole, long wallMs) {
        boolean moved() {
            return before != null && after != null && !before.equals(after);
        }
    }

    private static Migration burnMovedOnce(long nanos, long deadline) throws InterruptedException {
        String[] carriers = new String[2];
        AtomicBoolean whole = new AtomicBoolean();
        AtomicBoolean resumed = new AtomicBoolean();
        AtomicLong charged = new AtomicLong();
        long start = System.nanoTime();
        Thread burner = Thread.ofVirtual().start(() -> {
            try {
                whole.set(CpuBurner.burn(nanos, deadline, used -> {
                    if (charged.addAndGet(used) >= nanos / 3 && carriers[0] == null) {
                        carriers[0] = Threads.current();
                        Thread.ofVirtual().start(() -> holdUntil(carriers[0], resumed));
                        LockSupport.parkNanos(20 * MS);
                        carriers[1] = Threads.current();
                        resumed.set(true);
                    }
                    return true;
                }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        burner.join();
        resumed.set(true);
        return new Migration(carriers[0], carriers[1], whole.get(), (System.nanoTime() - start) / MS);
    }

    /** Keeps the carrier it lands on busy until told, if that is the given one; else leaves at once. */
    private static void holdUntil(String carrier, AtomicBoolean done) {
        long acc = 0;
        while (carrier.equals(Threads.current()) && !done.get()) {
            acc += System.nanoTime() % 7;
        }
        sink = acc;
    }
}
