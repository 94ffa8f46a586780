package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.await;
import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.many;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncplayground.scenario.Program;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ideal-time simulation counts the longest chain of steps one after another, each of which a
 * real run goes on after a little late.
 */
class StepChainsTest {

    private static final int CORES = 2;

    private static long chain(Program program, Mode mode) {
        return chain(program, RunOptions.of(mode, 1));
    }

    private static long chain(Program program, RunOptions options) {
        return IdealTime.simulate(program, options, CORES).chain();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SEQUENTIAL       | 3
            VIRTUAL_THREADS  | 1
            EVENT_LOOP       | 1
            PLATFORM_THREADS | 1
            """)
    void waitsInARowMakeAChainOnlyWhenTheTasksRunOneAfterAnother(Mode mode, long chain) {
        Program threeWaits = many(3, i -> List.of(waitMs(100), print("done")));

        assertEquals(chain, chain(threeWaits, mode));
    }

    @Test
    void aTaskThatStartsAfterAnotherEndsGoesOnItsChainWithoutAStepOfItsOwn() {
        Program instant = many(30, i -> List.of(print("n" + i)));

        assertEquals(0, chain(instant, Mode.SEQUENTIAL), "nobody waits, so nobody wakes late");
    }

    @Test
    void aLockHandedFromTaskToTaskLengthensTheChainOfEveryNextHolder() {
        Program oneAtATime = many(4, i -> List.of(locked("m", waitMs(100))));

        assertEquals(7, chain(oneAtATime, Mode.VIRTUAL_THREADS),
                "the first holder wakes from its wait; each next one wakes with the lock, then from its wait");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EVENT_LOOP       | 4
            VIRTUAL_THREADS  | 2
            PLATFORM_THREADS | 2
            """)
    void aCpuStepThatWaitsForAThreadOrACarrierGoesOnAfterTheOneThatLeftIt(Mode mode, long chain) {
        Program fourBurns = many(4, i -> List.of(cpuMs(100)));

        assertEquals(chain, chain(fourBurns, RunOptions.of(mode, 1).withThreads(2)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SEQUENTIAL       | 2
            EVENT_LOOP       | 5
            VIRTUAL_THREADS  | 5
            PLATFORM_THREADS | 5
            """)
    void sequentiallyGoingOnAfterACpuStepIsNoStepOfTheChain(Mode mode, long chain) {
        Program burnsBetweenWaits = program(task("a", waitMs(100), cpuMs(10), cpuMs(10), waitMs(100), cpuMs(10)));

        assertEquals(chain, chain(burnsBetweenWaits, mode), "the two waits, and elsewhere the three cpu steps");
    }

    @Test
    void anAwaitedEndPassesItsChainOnToTheTaskAwaitingIt() {
        Program awaiting = program(
                task("a", waitMs(100), waitMs(100)),
                task("b", await("a"), waitMs(100)));

        assertEquals(4, chain(awaiting, Mode.VIRTUAL_THREADS), "a's two waits, b woken by a's end, b's wait");
    }
}
