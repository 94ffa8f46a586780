package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.awaitNoThreads;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {

    private static final Program IO = many(2, i -> List.of(waitMs(200)));
    private static final Program CPU = many(1, i -> List.of(cpuMs(100)));
    private static final RunOptions VIRTUAL = new RunOptions(Mode.VIRTUAL_THREADS, 1);

    private RunRegistry registry;

    private RunRegistry registry(int running, int waiting) {
        registry = new RunRegistry(Limits.defaults().withRuns(running, waiting));
        return registry;
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Nested
    class Queueing {

        @Test
        void runsPastTheConcurrentLimitWaitTheirTurn() {
            RunRegistry runs = registry(1, 2);
            Run first = runs.start(IO, VIRTUAL);
            Run second = runs.start(IO, VIRTUAL);
            assertEquals(RunStatus.QUEUED, second.status());
            assertEquals(1, runs.queuedRuns());
            assertEquals(2, runs.activeRuns());
            assertEquals(RunStatus.DONE, awaitEnd(first));
            assertEquals(RunStatus.DONE, awaitEnd(second));
            assertEquals(0, runs.queuedRuns());
            awaitNoThreads(runs);
        }

        @Test
        void aQueuedRunsClockStartsWhenItReallyStarts() {
            RunRegistry runs = registry(1, 2);
            runs.start(IO, VIRTUAL);
            Run second = runs.start(IO, VIRTUAL);
            awaitEnd(second);
            double elapsed = second.summary().elapsedMs();
            assertTrue(elapsed >= 199 && elapsed < 380, "its own 200 ms, not the wait in the queue: " + elapsed);
        }

        @Test
        void aFullQueueRefusesWithARetryHint() {
            RunRegistry runs = registry(1, 1);
            runs.start(IO, VIRTUAL);
            runs.start(IO, VIRTUAL);
            ServerBusyException busy = assertThrows(ServerBusyException.class, () -> runs.start(IO, VIRTUAL));
            assertTrue(busy.retryAfterSeconds() >= 1, "at least a second: " + busy.retryAfterSeconds());
            assertTrue(busy.getMessage().contains("MAX_QUEUED_RUNS"), busy.getMessage());
            assertEquals(1, runs.queuedRuns());
        }

        @Test
        void cancellingAQueuedRunEndsItAtOnceAndFreesItsPlace() {
            RunRegistry runs = registry(1, 1);
            Run first = runs.start(IO, VIRTUAL);
            Run queued = runs.start(IO, VIRTUAL);
            queued.cancel();
            assertEquals(RunStatus.CANCELLED, queued.status());
            assertTrue(queued.summary().tasks().stream().allMatch(t -> t.status().equals("cancelled")));
            assertEquals(0, runs.queuedRuns());
            Run third = runs.start(IO, VIRTUAL);
            assertEquals(RunStatus.DONE, awaitEnd(first));
            assertEquals(RunStatus.DONE, awaitEnd(third));
        }
    }

    @Nested
    class CpuRuns {

        @Test
        void aCpuRunWaitsForTheMachineToBeEmptyAndRunsAlone() {
            RunRegistry runs = registry(3, 5);
            Run io = runs.start(IO, VIRTUAL);
            Run cpu = runs.start(CPU, VIRTUAL);
            Run later = runs.start(IO, VIRTUAL);
            assertEquals(RunStatus.QUEUED, cpu.status(), "a free slot is not enough while another run goes on");
            assertEquals(RunStatus.QUEUED, later.status(), "no run overtakes the waiting CPU run");
            awaitEnd(io);
            RunWaits.until(() -> cpu.status() != RunStatus.QUEUED, Duration.ofSeconds(5), "the CPU run");
            assertEquals(RunStatus.QUEUED, later.status(), "nothing starts beside a CPU run");
            assertEquals(RunStatus.DONE, awaitEnd(cpu));
            assertEquals(RunStatus.DONE, awaitEnd(later));
            awaitNoThreads(runs);
        }

        @Test
        void runsWithoutCpuStepsShareTheMachine() {
            RunRegistry runs = registry(2, 5);
            runs.start(IO, VIRTUAL);
            Run second = runs.start(IO, VIRTUAL);
            assertTrue(second.status() != RunStatus.QUEUED, "two I/O runs at once");
        }
    }
}
