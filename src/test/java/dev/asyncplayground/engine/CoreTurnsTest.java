package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CoreTurnsTest {

    private static final long MS = 1_000_000;
    private static final long STEP = 150 * MS;

    private final LiveThreads live = new LiveThreads();

    @Test
    void threeStepsOnTwoCoresBurnOnTheCoresThreadsNotTheCallers() throws InterruptedException {
        Set<String> burners = ConcurrentHashMap.newKeySet();
        try (CoreTurns turns = new CoreTurns(2, live)) {
            runAll(3, step -> turns.burn(STEP, TaskCursor.NO_DEADLINE, used -> burners.add(Threads.current()) || true));
        }
        assertEquals(2, burners.size(), "threads that burnt: " + burners);
        assertTrue(burners.stream().allMatch(name -> name.startsWith("core-")), "threads that burnt: " + burners);
    }

    /**
     * When the first of three equal steps on two cores ends, the other two have had much of their
     * CPU too: they took turns, a slice at a time, where a core keeping its step to the end would
     * leave the third with none. On a quiet machine each has had all but a slice or two; the bar
     * is lower because a core's thread that the OS stops for a moment holds its step back.
     */
    @Test
    void stepsTakeTurnsSoTheyProgressTogether() throws InterruptedException {
        AtomicLongArray burnt = new AtomicLongArray(3);
        AtomicReference<long[]> atFirstEnd = new AtomicReference<>();
        try (CoreTurns turns = new CoreTurns(2, live)) {
            runAll(3, step -> {
                turns.burn(STEP, TaskCursor.NO_DEADLINE, used -> burnt.addAndGet(step, used) >= 0);
                atFirstEnd.compareAndSet(null, new long[] {burnt.get(0), burnt.get(1), burnt.get(2)});
            });
        }
        for (long had : atFirstEnd.get()) {
            assertTrue(had >= STEP / 3,
                    "CPU each step had when the first ended, ms: " + List.of(atFirstEnd.get()[0] / MS,
                            atFirstEnd.get()[1] / MS, atFirstEnd.get()[2] / MS));
        }
    }

    /**
     * With one core and a long step on it, a step with a deadline mostly waits for its turn; it
     * returns at its deadline, not when a turn would next come.
     */
    @Test
    void theDeadlineCutsShortAStepThatWaitsForItsTurn() throws InterruptedException {
        try (CoreTurns turns = new CoreTurns(1, live)) {
            CountDownLatch hogBurns = new CountDownLatch(1);
            Thread hog = Thread.ofPlatform().start(() -> burnQuietly(turns, 5_000 * MS, used -> {
                hogBurns.countDown();
                return true;
            }));
            hogBurns.await();
            long start = System.nanoTime();
            assertFalse(turns.burn(5_000 * MS, start + 30 * MS, used -> true));
            long took = System.nanoTime() - start;
            assertTrue(took >= 29 * MS && took < 1_000 * MS, "returned after " + took / MS + " ms");
            hog.interrupt();
            hog.join();
        }
    }

    /** A caller interrupted while its step burns stops at once, and the cores drop its step. */
    @Test
    void anInterruptedCallerStopsAndItsStepNoLongerTakesTheCore() throws InterruptedException {
        try (CoreTurns turns = new CoreTurns(1, live)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicLong abandoned = new AtomicLong();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    turns.burn(60_000 * MS, TaskCursor.NO_DEADLINE, used -> abandoned.addAndGet(used) >= 0);
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            Thread.sleep(50);
            caller.interrupt();
            caller.join(5_000);
            assertTrue(thrown.get() instanceof InterruptedException, "the caller got " + thrown.get());
            long atInterrupt = abandoned.get();
            assertTrue(turns.burn(40 * MS, TaskCursor.NO_DEADLINE, used -> true));
            Thread.sleep(30);
            long since = abandoned.get() - atInterrupt;
            assertTrue(since <= 2 * CoreTurns.SLICE_NANOS,
                    "the abandoned step burnt " + since / MS + " ms more after its caller stopped");
        }
    }

    /** Closing the turns stops the steps burning and those waiting: no caller is left waiting. */
    @Test
    void closingStopsEveryStepStillBurningOrWaiting() throws InterruptedException {
        CoreTurns turns = new CoreTurns(1, live);
        CountDownLatch burning = new CountDownLatch(2);
        AtomicLong stopped = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                try {
                    turns.burn(60_000 * MS, TaskCursor.NO_DEADLINE, used -> {
                        burning.countDown();
                        return true;
                    });
                } catch (InterruptedException e) {
                    stopped.incrementAndGet();
                }
            }));
        }
        burning.await();
        turns.close();
        for (Thread caller : callers) {
            caller.join(5_000);
            assertFalse(caller.isAlive(), "a caller still waits after close");
        }
        assertEquals(2, stopped.get());
        assertEquals(0, live.count());
    }

    @Test
    void aRefusingBudgetStopsTheStep() {
        try (CoreTurns turns = new CoreTurns(2, live)) {
            assertThrows(InterruptedException.class,
                    () -> turns.burn(5_000 * MS, TaskCursor.NO_DEADLINE, used -> false));
        }
    }

    @Test
    void aBugWhileBurningReachesTheCallerAsItsOwn() {
        try (CoreTurns turns = new CoreTurns(2, live)) {
            IllegalStateException bug = assertThrows(IllegalStateException.class,
                    () -> turns.burn(50 * MS, TaskCursor.NO_DEADLINE, used -> {
                        throw new IllegalStateException("a bug in the budget");
                    }));
            assertEquals("a bug in the budget", bug.getMessage());
        }
    }

    @Test
    void closingStopsTheCoresThreads() throws InterruptedException {
        CoreTurns turns = new CoreTurns(2, live);
        assertTrue(turns.burn(10 * MS, TaskCursor.NO_DEADLINE, used -> true));
        turns.close();
        assertEquals(0, live.count());
    }

    /** A body run once per step on a platform thread of its own, given the step's index. */
    @FunctionalInterface
    private interface StepBody {
        void run(int step) throws InterruptedException;
    }

    private static void runAll(int steps, StepBody body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < steps; i++) {
            int step = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    body.run(step);
                } catch (InterruptedException e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, failures.get(), "steps interrupted");
    }

    private static void burnQuietly(CoreTurns turns, long nanos, CpuBurner.Budget budget) {
        try {
            turns.burn(nanos, TaskCursor.NO_DEADLINE, budget);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
