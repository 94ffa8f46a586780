package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuBurnerTest {

    private static final long MS = 1_000_000;

    @Test
    void aPlatformThreadBurnsTheFullCpuTime() throws InterruptedException {
        AtomicLong charged = new AtomicLong();
        CpuClock.Clock clock = CpuClock.current();
        long before = clock.cpuNanos();
        assertTrue(CpuBurner.burn(60 * MS, TaskCursor.NO_DEADLINE, nanos -> charged.addAndGet(nanos) >= 0));
        long burnt = clock.cpuNanos() - before;
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
        CpuClock.Clock[] clocks = new CpuClock.Clock[2];
        long[] cpu = new long[2];
        Thread.ofVirtual().start(() -> {
            ownCpuTime.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            clocks[0] = CpuClock.current();
            cpu[0] = clocks[0].cpuNanos();
            try {
                whole.set(CpuBurner.burn(40 * MS, TaskCursor.NO_DEADLINE, nanos -> true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clocks[1] = CpuClock.current();
            cpu[1] = clocks[1].cpuNanos();
        }).join();
        assertEquals(-1, ownCpuTime.get(), "JDK 21-25 give no CPU time for virtual threads");
        assertTrue(whole.get());
        assertTrue(clocks[0].thread().startsWith("ForkJoinPool"), clocks[0].thread());
        assertEquals(clocks[0], clocks[1], "the same carrier before and after the burn");
        assertTrue(cpu[0] >= 0 && cpu[1] - cpu[0] >= 40 * MS, "the carrier burnt " + (cpu[1] - cpu[0]));
    }
}
