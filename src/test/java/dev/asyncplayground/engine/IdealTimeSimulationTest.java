package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.await;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.fail;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.options;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.taskAfter;
import static dev.asyncplayground.engine.TestPrograms.timeoutMs;
import static dev.asyncplayground.engine.TestPrograms.update;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class IdealTimeSimulationTest {

    private static final long MS = 1_000_000;

    private static long idealMs(Program program, RunOptions options, int cores) {
        long nanos = IdealTime.of(program, options, cores);
        assertEquals(0, nanos % MS, "whole milliseconds expected, got " + nanos + " ns");
        return nanos / MS;
    }

    private static long idealMs(Program program, Mode mode, int cores) {
        return idealMs(program, options(mode), cores);
    }

    private static Program ioTasks(int count, long ms) {
        return many(count, i -> List.of(waitMs(ms)));
    }

    private static Program cpuTasks(int count, long ms) {
        return many(count, i -> List.of(cpuMs(ms)));
    }

    @Nested
    class Sequential {

        @Test
        void addsUpEveryStepOfEveryTask() {
            Program program = program(task("a", waitMs(1000), cpuMs(100)), task("b", waitMs(500), print("b")));
            assertEquals(1600, idealMs(program, Mode.SEQUENTIAL, 2));
        }

        @Test
        void awaitingALaterTaskFailsAtOnceInsteadOfWaiting() {
            Program program = program(task("a", await("b"), waitMs(1000)), task("b", waitMs(300)));
            assertEquals(300, idealMs(program, Mode.SEQUENTIAL, 2));
        }

        @Test
        void aTimeoutCutsItsStepsAndTheTaskGoesOn() {
            Program program = program(task("a", timeoutMs(300, waitMs(1000)), waitMs(100)));
            assertEquals(400, idealMs(program, Mode.SEQUENTIAL, 2));
        }

        @Test
        void failEndsTheTask() {
            Program program = program(task("a", waitMs(100), fail("no"), waitMs(1000)), task("b", waitMs(50)));
            assertEquals(150, idealMs(program, Mode.SEQUENTIAL, 2));
        }
    }

    @Nested
    class VirtualThreads {

        @Test
        void waitsOverlapSoTheLongestChainCounts() {
            Program program = program(task("a", waitMs(1000)), taskAfter("b", List.of("a"), waitMs(500)),
                    task("c", waitMs(1200)));
            assertEquals(1500, idealMs(program, Mode.VIRTUAL_THREADS, 2));
        }

        @ParameterizedTest(name = "{0} CPU tasks of {1} ms on {2} cores take {3} ms")
        @CsvSource({"4, 100, 2, 200", "3, 300, 2, 600", "3, 300, 4, 300", "5, 100, 1, 500"})
        void cpuStepsAreNotTimeSlicedAcrossTheCores(int tasks, long ms, int cores, long expected) {
            assertEquals(expected, idealMs(cpuTasks(tasks, ms), Mode.VIRTUAL_THREADS, cores));
        }

        @Test
        void aWakingTaskWaitsForAFreeCarrier() {
            Program program = program(task("c", waitMs(100), waitMs(100)), task("a", cpuMs(1000)),
                    task("b", cpuMs(1000)));
            assertEquals(1100, idealMs(program, Mode.VIRTUAL_THREADS, 2));
            Program lastInLine = program(task("a", cpuMs(1000)), task("b", cpuMs(1000)),
                    task("c", waitMs(100), waitMs(100)));
            assertEquals(1200, idealMs(lastInLine, Mode.VIRTUAL_THREADS, 2));
        }

        @Test
        void aLimitLetsOnlySoManyTasksInFlight() {
            assertEquals(3000, idealMs(ioTasks(6, 1000), options(Mode.VIRTUAL_THREADS).withLimit(2), 2));
        }

        @Test
        void aLockServesTasksOneAtATimeInArrivalOrder() {
            Program program = many(3, i -> List.of(locked("l", waitMs(1000))));
            assertEquals(3000, idealMs(program, Mode.VIRTUAL_THREADS, 2));
        }

        @Test
        void aTimeoutGivesUpWaitingForALock() {
            Program program = program(task("a", locked("l", waitMs(1000))),
                    task("b", timeoutMs(300, locked("l", waitMs(1000))), waitMs(100)));
            assertEquals(1000, idealMs(program, Mode.VIRTUAL_THREADS, 2));
            Program shortHolder = program(task("a", locked("l", waitMs(100))),
                    task("b", timeoutMs(300, locked("l", waitMs(1000))), waitMs(100)));
            assertEquals(400, idealMs(shortHolder, Mode.VIRTUAL_THREADS, 2));
        }

        @Test
        void anAwaitWaitsForTheOtherTaskToEnd() {
            Program program = program(task("a", waitMs(1000)), task("b", await("a"), update("x", 1, 500)));
            assertEquals(1500, idealMs(program, Mode.VIRTUAL_THREADS, 2));
        }

        @Test
        void tasksThatAwaitEachOtherNeverEndAndTheIdealIsWhenTheyGotStuck() {
            Program program = program(task("a", waitMs(100), await("b")), task("b", await("a")),
                    task("c", waitMs(50)));
            IdealTime.Result result = IdealTime.simulate(program, options(Mode.VIRTUAL_THREADS), 2);
            assertFalse(result.finishes());
            assertEquals(100 * MS, result.elapsedNanos());
        }
    }

    @Nested
    class EventLoop {

        @Test
        void cpuStepsHoldTheLoopWhileWaitsOverlap() {
            Program program = many(3, i -> List.of(cpuMs(100), waitMs(1000)));
            assertEquals(1300, idealMs(program, Mode.EVENT_LOOP, 2));
        }

        @Test
        void waitsAloneOverlapCompletely() {
            assertEquals(1000, idealMs(ioTasks(5, 1000), Mode.EVENT_LOOP, 2));
        }

        @ParameterizedTest(name = "on {0} cores")
        @CsvSource({"1", "2", "8"})
        void cpuWorkGetsOneCoreWhateverTheMachine(int cores) {
            assertEquals(300, idealMs(cpuTasks(3, 100), Mode.EVENT_LOOP, cores));
        }

        @Test
        void aTimerThatFallsDueDuringACpuStepRunsLate() {
            Program program = program(task("tick", waitMs(50), waitMs(50)), task("hog", waitMs(20), cpuMs(500)));
            assertEquals(570, idealMs(program, Mode.EVENT_LOOP, 2));
        }
    }

    @Nested
    class PlatformThreads {

        @Test
        void eightIoTasksOnTwoThreadsRunInFourWaves() {
            assertEquals(4000, idealMs(ioTasks(8, 1000), options(Mode.PLATFORM_THREADS).withThreads(2), 2));
        }

        @ParameterizedTest(name = "{0} CPU tasks of {1} ms on {2} threads and {3} cores take {4} ms")
        @CsvSource({"4, 100, 4, 2, 200", "3, 300, 4, 2, 450", "8, 100, 8, 2, 400", "4, 100, 1, 2, 400",
            "2, 100, 2, 4, 100"})
        void cpuStepsShareOnlyTheCores(int tasks, long ms, int threads, int cores, long expected) {
            assertEquals(expected, idealMs(cpuTasks(tasks, ms), options(Mode.PLATFORM_THREADS).withThreads(threads),
                    cores));
        }

        @Test
        void aWaitingTaskKeepsItsThread() {
            Program program = program(task("a", waitMs(1000)), task("b", cpuMs(100)));
            assertEquals(1100, idealMs(program, options(Mode.PLATFORM_THREADS).withThreads(1), 2));
        }

        @Test
        void awaitingAQueuedTaskOnAFullPoolNeverEnds() {
            Program program = program(task("a", await("b")), task("b", waitMs(100)));
            assertFalse(IdealTime.simulate(program, options(Mode.PLATFORM_THREADS).withThreads(1), 2).finishes());
            IdealTime.Result roomy = IdealTime.simulate(program, options(Mode.PLATFORM_THREADS).withThreads(2), 2);
            assertTrue(roomy.finishes());
            assertEquals(100 * MS, roomy.elapsedNanos());
        }
    }

    @Nested
    class CpuBurnt {

        @ParameterizedTest
        @EnumSource(Mode.class)
        void countsTheCpuStepsAsTimeoutsCutThem(Mode mode) {
            Program program = program(task("a", cpuMs(200), timeoutMs(50, cpuMs(100))), task("b", waitMs(10)));
            IdealTime.Result result = IdealTime.simulate(program, options(mode), 2);
            assertEquals(250 * MS, result.cpuNanos());
            assertTrue(result.finishes());
        }

        @Test
        void programsWithoutCpuStepsBurnNone() {
            assertEquals(0, IdealTime.simulate(ioTasks(3, 100), options(Mode.PLATFORM_THREADS), 2).cpuNanos());
        }
    }
}
