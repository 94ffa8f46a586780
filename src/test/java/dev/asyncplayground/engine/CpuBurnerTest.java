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
        long before = CpuClock.read().cpuNanos();
        assertTrue(CpuBurner.burn(60 * MS, TaskCursor.NO_DEADLINE, nanos -> charged.addAndGet(nanos) >= 0));
        long burnt = CpuClock.read().cpuNanos() - before;
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
            readings[0] = CpuClock.read();
            try {
                whole.set(CpuBurner.burn(40 * MS, TaskCursor.NO_DEADLINE, nanos -> true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readings[1] = CpuClock.read();
        }).join();
        assertEquals(-1, ownCpuTime.get(), "JDK 21-25 give no CPU time for virtual threads");
        assertTrue(whole.get());
        assertTrue(readings[0].thread().startsWith("ForkJoinPool"), readings[0].thread());
        assertTrue(readings[1].since(readings[0]) >= 40 * MS, "the carrier burnt " + readings[1].since(readings[0]));
    }
}
