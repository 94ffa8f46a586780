package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.awaitNoThreads;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Admission by cost: waiting-only runs share the machine within a budget, CPU runs run alone, clients are capped. */
class AdmissionByCostTest {

    private static final Program IO = many(2, i -> List.of(waitMs(300)));
    private static final Program CPU = many(1, i -> List.of(cpuMs(100)));
    private static final RunOptions VIRTUAL = new RunOptions(Mode.VIRTUAL_THREADS, 1);
    private static final Limits LIMITS = Limits.defaults().withRuns(64, 8);

    private RunRegistry registry;

    private RunRegistry registry(AdmissionBudget budget) {
        registry = new RunRegistry(LIMITS, budget);
        return registry;
    }

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    @Nested
    class WaitOnlyRuns {

        @Test
        void aClassOfThemRunsSideBySide() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS);
            List<Run> started = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                started.add(runs.start(IO, VIRTUAL));
            }
            assertEquals(0, runs.queuedRuns());
            started.forEach(run -> assertNotEquals(RunStatus.QUEUED, run.status()));
            started.forEach(run -> assertEquals(RunStatus.DONE, awaitEnd(run)));
            awaitNoThreads(runs);
        }

        @Test
        void aClassOfSixtyComparingAllFourModesStartsAtOnceUnderTheDefaultLimits() {
            registry = new RunRegistry(Limits.defaults(), AdmissionBudget.DEFAULTS);
            Program counting = many(30, i -> List.of(waitMs(i % 10 == 7 ? 200 : 50), TestPrograms.print("n" + i)));
            List<Run> started = new ArrayList<>();
            for (int student = 0; student < 60; student++) {
                for (Mode mode : Mode.values()) {
                    started.add(registry.start(counting, RunOptions.of(mode, 1)));
                }
            }
            assertEquals(0, registry.queuedRuns(), "240 runs of 30 waiting tasks fit the budget and the cap");
            started.forEach(run -> assertEquals(RunStatus.DONE, awaitEnd(run)));
            awaitNoThreads(registry);
        }

        @Test
        void pastTheBudgetOfLiveTasksTheyQueueInOrderEachToldItsPlace() {
            RunRegistry runs = registry(new AdmissionBudget(5, 1e6, 100));
            Run first = runs.start(IO, VIRTUAL);
            Run second = runs.start(IO, VIRTUAL);
            Run third = runs.start(IO, VIRTUAL);
            Run fourth = runs.start(IO, VIRTUAL);
            assertNotEquals(RunStatus.QUEUED, second.status(), "4 live tasks fit in 5");
            assertEquals(RunStatus.QUEUED, third.status(), "6 would not");
            assertEquals(1, third.queuePosition());
            assertEquals(2, fourth.queuePosition());
            assertEquals(0, first.queuePosition());
            awaitEnd(first);
            RunWaits.until(() -> third.status() != RunStatus.QUEUED, java.time.Duration.ofSeconds(5), "third");
            assertEquals(0, third.queuePosition());
            assertEquals(RunStatus.DONE, awaitEnd(fourth));
        }

        @Test
        void pastTheBudgetOfWakeupsTheyQueue() {
            // IO takes 2 steps in 0.3 s, counted over a second: 2 wake-ups per second each.
            RunRegistry runs = registry(new AdmissionBudget(1_000, 5, 100));
            runs.start(IO, VIRTUAL);
            runs.start(IO, VIRTUAL);
            Run third = runs.start(IO, VIRTUAL);
            assertEquals(RunStatus.QUEUED, third.status());
            assertEquals(RunStatus.DONE, awaitEnd(third));
        }

        @Test
        void aRunTooBigForTheBudgetRunsWhenNothingElseDoes() {
            RunRegistry runs = registry(new AdmissionBudget(1, 1, 100));
            Run big = runs.start(IO, VIRTUAL);
            assertNotEquals(RunStatus.QUEUED, big.status());
            Run next = runs.start(IO, VIRTUAL);
            assertEquals(RunStatus.QUEUED, next.status());
            assertEquals(RunStatus.DONE, awaitEnd(next));
        }
    }

    @Nested
    class CpuRuns {

        @Test
        void theyRunAloneAndNothingOvertakesThem() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS);
            Run io = runs.start(IO, VIRTUAL);
            Run cpu = runs.start(CPU, VIRTUAL);
            Run cpuToo = runs.start(CPU, VIRTUAL);
            Run later = runs.start(IO, VIRTUAL);
            assertEquals(List.of(1, 2, 3), List.of(cpu.queuePosition(), cpuToo.queuePosition(), later.queuePosition()));
            awaitEnd(io);
            RunWaits.until(() -> cpu.status() != RunStatus.QUEUED, java.time.Duration.ofSeconds(5), "the CPU run");
            assertEquals(RunStatus.QUEUED, cpuToo.status(), "CPU runs one at a time");
            assertEquals(1, cpuToo.queuePosition());
            assertEquals(RunStatus.DONE, awaitEnd(later));
            assertTrue(cpuToo.summary().elapsedMs() > 0);
        }
    }

    @Nested
    class PerClient {

        @Test
        void aClientPastItsCapIsRefusedAndOthersAreNot() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS.withRunsPerClient(2));
            start(runs, "10.0.0.1");
            start(runs, "10.0.0.1");
            Busy busy = refused(runs.reserve("10.0.0.1", 1));
            assertTrue(busy.message().contains("MAX_RUNS_PER_CLIENT=2"), busy.message());
            assertEquals(1, busy.retryAfterSeconds(), "its first run ends within 0.3 s");
            assertDoesNotThrow(() -> start(runs, "10.0.0.2"));
        }

        @Test
        void aComparisonPastTheCapIsToldHowManyOfTheClientsRunsMustEndFirst() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS.withRunsPerClient(3));
            start(runs, "10.0.0.1");
            start(runs, "10.0.0.1");
            Busy busy = refused(runs.reserve("10.0.0.1", 2));
            assertTrue(busy.message().startsWith("you already have 2 runs running or waiting and this asks for 2 more"),
                    busy.message());
            assertTrue(busy.message().contains("wait for 1 of yours to end"), busy.message());
            assertTrue(refused(runs.reserve("10.0.0.1", 4)).message().startsWith("this asks for 4 runs at once"));
        }

        @Test
        void placesReservedAndNotUsedAreGivenBack() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS.withRunsPerClient(2));
            try (AdmissionTicket ticket = granted(runs.reserve("10.0.0.1", 2))) {
                refused(runs.reserve("10.0.0.1", 1));
                assertInstanceOf(Start.Admitted.class, runs.start(IO, VIRTUAL, ticket));
            }
            assertDoesNotThrow(() -> start(runs, "10.0.0.1"), "the unused place came back");
        }

        @Test
        void anEndedRunFreesItsPlace() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS.withRunsPerClient(1));
            Run first = start(runs, "10.0.0.1");
            refused(runs.reserve("10.0.0.1", 1));
            awaitEnd(first);
            RunWaits.until(() -> runs.activeRuns() == 0, java.time.Duration.ofSeconds(5), "the run to be let go");
            assertDoesNotThrow(() -> start(runs, "10.0.0.1"));
        }

        @Test
        void aRunPastALimitIsTurnedDownAndItsPlaceComesBack() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS.withRunsPerClient(1));
            try (AdmissionTicket ticket = granted(runs.reserve("10.0.0.1", 1))) {
                Start.OverLimit over = assertInstanceOf(Start.OverLimit.class,
                        runs.start(many(1, i -> List.of(waitMs(60_000))), VIRTUAL, ticket));
                assertEquals("MAX_RUN_SECONDS", over.limit());
                assertTrue(over.message().contains("MAX_RUN_SECONDS"), over.message());
            }
            assertEquals(0, runs.activeRuns(), "nothing was started");
            assertDoesNotThrow(() -> start(runs, "10.0.0.1"), "the place came back");
        }

        @Test
        void aFullQueueRefusesBeforeAnyWorkIsDone() {
            RunRegistry runs = registry(AdmissionBudget.DEFAULTS);
            RunRegistry small = new RunRegistry(Limits.defaults().withRuns(1, 1), AdmissionBudget.DEFAULTS);
            try (small) {
                small.start(IO, VIRTUAL);
                small.start(IO, VIRTUAL);
                Busy busy = refused(small.reserve("x", 1));
                assertTrue(busy.retryAfterSeconds() >= 1 && busy.retryAfterSeconds() <= 1,
                        "the waiting run starts within 0.3 s: " + busy.retryAfterSeconds());
                assertThrows(ServerBusyException.class, () -> small.start(IO, VIRTUAL),
                        "the in-process shortcut throws the same refusal");
            }
            assertEquals(0, runs.activeRuns());
        }

        @Test
        void whileACpuRunRunsPlacesReservedCountAgainstTheQueue() {
            try (RunRegistry small = new RunRegistry(Limits.defaults().withRuns(4, 2), AdmissionBudget.DEFAULTS)) {
                small.start(many(1, i -> List.of(cpuMs(2_000))), VIRTUAL);
                AdmissionTicket two = granted(small.reserve("a", 2));
                refused(small.reserve("b", 1));
                two.close();
                granted(small.reserve("b", 1)).close();
            }
        }

        private Run start(RunRegistry runs, String client) {
            try (AdmissionTicket ticket = granted(runs.reserve(client, 1))) {
                return assertInstanceOf(Start.Admitted.class, runs.start(IO, VIRTUAL, ticket)).run();
            }
        }

        private static AdmissionTicket granted(Reservation reservation) {
            return assertInstanceOf(Reservation.Granted.class, reservation, "places held").ticket();
        }

        private static Busy refused(Reservation reservation) {
            return assertInstanceOf(Reservation.Refused.class, reservation, "refused before any work").busy();
        }
    }
}
