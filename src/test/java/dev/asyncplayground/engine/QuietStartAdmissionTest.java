package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.until;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A CPU run waits for a calm server, as {@link QuietStart} says, through a real registry: a moment
 * after its turn came, and after a refusal until the refusals stop. The JIT is stood in for by a
 * flag, as it is outside the test's control.
 */
class QuietStartAdmissionTest {

    private static final long MS = 1_000_000;
    private static final Program CPU = many(1, i -> List.of(cpuMs(50)));
    private static final Program WAITS = many(2, i -> List.of(waitMs(50)));
    private static final RunOptions VIRTUAL = new RunOptions(Mode.VIRTUAL_THREADS, 1);

    private final AtomicBoolean compiling = new AtomicBoolean();
    private RunRegistry registry;

    /** A registry whose rule has no settle, to see what refusals and the JIT alone do. */
    private RunRegistry registry(Limits limits, long quietMs, long longestMs) {
        return registry(limits, 0, quietMs, longestMs);
    }

    private RunRegistry registry(Limits limits, long settleMs, long quietMs, long longestMs) {
        QuietStart rule = new QuietStart(settleMs * MS, quietMs * MS, 60_000 * MS, longestMs * MS, compiling::get);
        AdmissionBudget oneRunEach = AdmissionBudget.DEFAULTS.withRunsPerClient(1);
        registry = new RunRegistry(limits, oneRunEach, StoreBudget.byDefault(), rule);
        return registry;
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void withoutARecentRefusalABusyJitHoldsNothing() {
        RunRegistry runs = registry(Limits.defaults(), 300, 5_000);
        compiling.set(true);

        assertStartsAtOnce(runs.start(CPU, VIRTUAL));
    }

    @Test
    void aRegistryForRunsNobodyTimesStartsACpuRunAtOnce() {
        registry = RunRegistry.forRunsNobodyTimes(Limits.defaults(), AdmissionBudget.DEFAULTS);

        assertStartsAtOnce(registry.start(CPU, VIRTUAL));
    }

    @Nested
    class AfterItsTurnCame {

        @Test
        void aCpuRunPostedToAnIdleServerStartsAMomentLater() {
            RunRegistry runs = registry(Limits.defaults(), 1_000, 300, 5_000);
            long posted = System.nanoTime();

            Run cpu = runs.start(CPU, VIRTUAL);
            assertEquals(RunStatus.QUEUED, cpu.status());
            assertEquals(1, runs.queuedRuns(), "it waits first in the queue");

            assertStartsNoSoonerThan(cpu, posted, 990, "it was posted");
        }

        @Test
        void aCpuRunQueuedBehindAnotherStartsAMomentAfterThatOneEnded() {
            RunRegistry runs = registry(Limits.defaults(), 500, 300, 5_000);
            long posted = System.nanoTime();
            Run before = runs.start(CPU, VIRTUAL);
            Run cpu = runs.start(CPU, VIRTUAL);

            assertEquals(RunStatus.DONE, awaitEnd(before));

            assertStartsNoSoonerThan(cpu, posted, 1_040, "the first was posted (500 + 50 + 500 ms)");
        }

        @Test
        void aRunOfWaitsStartsAtOnce() {
            RunRegistry runs = registry(Limits.defaults(), 60_000, 300, 60_000);

            assertStartsAtOnce(runs.start(WAITS, VIRTUAL));
        }
    }

    @Nested
    class AfterARefusal {

        @Test
        void aCpuRunWaitsUntilNothingHasBeenRefusedForAMoment() {
            RunRegistry runs = registry(Limits.defaults(), 1_000, 5_000);
            long refusedAt = refuseOne(runs);

            Run cpu = runs.start(CPU, VIRTUAL);
            assertEquals(RunStatus.QUEUED, cpu.status());
            assertEquals(1, runs.queuedRuns(), "it waits first in the queue");

            assertStartsNoSoonerThan(cpu, refusedAt, 990, "the refusal");
        }

        @Test
        void aRunOfWaitsDoesNotWait() {
            RunRegistry runs = registry(Limits.defaults(), 300, 5_000);
            refuseOne(runs);

            assertStartsAtOnce(runs.start(WAITS, VIRTUAL));
        }

        @Test
        void theRunsBehindItWaitTheirTurnAndCancellingItLetsThemGo() {
            RunRegistry runs = registry(Limits.defaults(), 5_000, 10_000);
            refuseOne(runs);
            Run cpu = runs.start(CPU, VIRTUAL);
            Run waits = runs.start(WAITS, VIRTUAL);
            assertEquals(1, cpu.queuePosition());
            assertEquals(2, waits.queuePosition());

            cpu.cancel();

            assertEquals(RunStatus.CANCELLED, awaitEnd(cpu));
            assertEquals(RunStatus.DONE, awaitEnd(waits), "started long before the 5 s of calm");
        }

        @Test
        void aQueueWithNoRoomStillTakesTheCpuRunThatWaitsForCalm() {
            RunRegistry runs = registry(Limits.defaults().withRuns(1, 0), 1_000, 5_000);
            refuseOne(runs);

            Run cpu = runs.start(CPU, VIRTUAL);

            assertEquals(RunStatus.QUEUED, cpu.status());
            assertEquals(RunStatus.DONE, awaitEnd(cpu));
        }
    }

    @Nested
    class WhileTheJitCompilesAfterARefusal {

        @Test
        void aCpuRunWaitsUntilTheJitIsIdle() throws InterruptedException {
            RunRegistry runs = registry(Limits.defaults(), 100, 10_000);
            refuseOne(runs);
            compiling.set(true);

            Run cpu = runs.start(CPU, VIRTUAL);
            Thread.sleep(300);
            assertEquals(RunStatus.QUEUED, cpu.status(), "the refusal long over, it waits while the JIT compiles");
            compiling.set(false);

            assertEquals(RunStatus.DONE, awaitEnd(cpu));
        }

        @Test
        void aCpuRunStartsAnywayOnceItHasWaitedTheLongest() {
            RunRegistry runs = registry(Limits.defaults(), 100, 300);
            refuseOne(runs);
            compiling.set(true);
            long start = System.nanoTime();

            Run cpu = runs.start(CPU, VIRTUAL);
            until(() -> cpu.status() != RunStatus.QUEUED, Duration.ofSeconds(10), "the run to start");

            assertTrue(System.nanoTime() - start >= 290 * MS, "it waited its longest first");
            assertEquals(RunStatus.DONE, awaitEnd(cpu));
        }
    }

    /** Checks that a run just started is not queued, then that it ends done. */
    private static void assertStartsAtOnce(Run run) {
        assertNotEquals(RunStatus.QUEUED, run.status());
        assertEquals(RunStatus.DONE, awaitEnd(run));
    }

    /**
     * Waits for a queued CPU run to start, and checks that it started no sooner than {@code ms}
     * after {@code since} and was timed from then (its 50 ms burn took well under the wait).
     */
    private static void assertStartsNoSoonerThan(Run cpu, long since, long ms, String what) {
        until(() -> cpu.status() != RunStatus.QUEUED, Duration.ofSeconds(10), "the run to start");
        long startedAfter = System.nanoTime() - since;

        assertTrue(startedAfter >= ms * MS, "started " + startedAfter / MS + " ms after " + what);
        assertEquals(RunStatus.DONE, awaitEnd(cpu));
        double elapsed = cpu.summary().elapsedMs();
        assertTrue(elapsed < 900, "its clock started when it did, not when " + what + ": " + elapsed);
    }

    /** Has the registry refuse a client two places past its cap of one; returns when. */
    private static long refuseOne(RunRegistry runs) {
        long at = System.nanoTime();
        assertInstanceOf(Reservation.Refused.class, runs.reserve("10.0.0.9", 2));
        return at;
    }
}
