package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunProbe.ms;
import static dev.asyncplayground.engine.RunProbe.nap;
import static dev.asyncplayground.engine.RunProbe.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Computes ideal elapsed times of hand-built programs and compares them with exact values.
 *
 * <p>The ideal time is what a mode would take with zero overhead, so it must follow the same
 * rules as the engine: a task that fails stops there, and sequential mode cannot wait for a task
 * that has not run yet.
 */
class IdealTimeTest {

    private static TaskSpec task(String name, Step... steps) {
        return TaskSpec.of(name, List.of(steps));
    }

    private static TaskSpec after(String name, List<String> after, Step... steps) {
        return new TaskSpec(name, after, List.of(steps));
    }

    private static Step.Cpu cpu(long millis) {
        return new Step.Cpu(ms(millis), "");
    }

    private static Step.Timeout timeout(long millis, Step... body) {
        return new Step.Timeout(ms(millis), List.of(body));
    }

    private static Step.Await await(String... tasks) {
        return new Step.Await(List.of(tasks));
    }

    private static Step.Fail fail() {
        return new Step.Fail("stop");
    }

    private static long idealMs(Program program, Mode mode) {
        long nanos = IdealTime.of(program, mode);
        assertEquals(0, nanos % 1_000_000, "not whole milliseconds: " + nanos);
        return nanos / 1_000_000;
    }

    private static Arguments row(String name, long sequentialMs, long virtualThreadsMs, TaskSpec... tasks) {
        return Arguments.of(name, Program.of(List.of(tasks)), sequentialMs, virtualThreadsMs);
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                row("one wait", 100, 100, task("a", nap(100))),
                row("every kind of timed step adds up", 180, 100,
                        task("a", nap(100)), task("b", cpu(50)),
                        task("c", new Step.Update("x", 1, ms(30))), task("d", print("d"))),
                row("prints and empty tasks take no time", 0, 0, task("a", print("a")), task("b")),
                row("a lock body counts like its steps", 70, 70,
                        task("a", new Step.Locked("L", List.of(nap(50), print("x"), cpu(20))))),
                row("an await waits for the awaited task's end", 170, 150,
                        task("a", nap(100)), task("b", await("a"), nap(50)), task("c", nap(20))),
                row("awaiting several tasks waits for the last", 160, 120,
                        task("a", nap(100)), task("b", nap(40)), task("c", await("b", "a"), nap(10), await("a"),
                                nap(10))),
                row("after starts the task at the end of its dependency", 150, 150,
                        task("a", nap(100)), after("b", List.of("a"), nap(50))),
                row("after chains add up", 160, 160,
                        task("a", nap(100)), after("b", List.of("a"), nap(50)), after("c", List.of("b"), nap(10))),
                row("after several waits for the latest", 150, 110,
                        task("a", nap(100)), task("b", nap(40)), after("c", List.of("a", "b"), nap(10))),
                row("no tasks at all", 0, 0),
                row("a timeout cuts a longer body", 60, 60, task("a", timeout(50, nap(200)), nap(10))),
                row("a timeout leaves a shorter body alone", 110, 110, task("a", timeout(500, nap(100)), nap(10))),
                row("a timeout cuts CPU work and updates too", 70, 40,
                        task("a", timeout(30, cpu(100)), nap(10)), task("b", timeout(20, new Step.Update("x", 1,
                                ms(100))), nap(10))),
                row("nested timeouts: the inner one is shorter", 160, 160,
                        task("a", timeout(300, timeout(50, nap(1_000)), nap(100)), nap(10))),
                row("nested timeouts: the outer one is shorter", 60, 60,
                        task("a", timeout(50, timeout(300, nap(1_000))), nap(10))),
                row("nested timeouts: both cut", 130, 130,
                        task("a", timeout(120, timeout(50, nap(1_000)), nap(100)), nap(10))),
                row("a timed-out await", 510, 500,
                        task("a", nap(500)), task("b", timeout(100, await("a")), nap(10))),
                row("fail ends the task early", 110, 100,
                        task("a", nap(100), fail(), nap(1_000)), task("b", nap(10))),
                row("fail inside a timeout before its limit ends the task", 100, 100,
                        task("a", timeout(500, nap(100), fail(), nap(1_000)), nap(1_000))),
                row("a timeout that expires first stops the fail", 60, 60,
                        task("a", timeout(50, nap(100), fail()), nap(10))),
                row("fail inside a lock ends the task", 20, 20,
                        task("a", new Step.Locked("L", List.of(nap(20), fail())), nap(1_000))),
                row("awaiting a task that failed early", 40, 40,
                        task("a", nap(30), fail(), nap(1_000)), task("b", await("a"), nap(10))));
    }

    @ParameterizedTest(name = "{0}: sequential {2} ms, virtual threads {3} ms")
    @MethodSource("programs")
    void idealTimeOfEachMode(String name, Program program, long sequentialMs, long virtualThreadsMs) {
        assertEquals(sequentialMs, idealMs(program, Mode.SEQUENTIAL), "sequential");
        assertEquals(virtualThreadsMs, idealMs(program, Mode.VIRTUAL_THREADS), "virtual threads");
    }

    @Test
    void virtualThreadsFollowDependenciesDeclaredLater() {
        Program program = Program.of(List.of(
                after("c", List.of("b"), nap(10)),
                task("b", await("a"), nap(20)),
                task("a", nap(30))));
        assertEquals(60, idealMs(program, Mode.VIRTUAL_THREADS));
    }

    /**
     * Where the OS time-slices the threads, the ideal says whether more cpu steps burn at once than
     * the CPUs divide evenly, for a time; the engine then burns them in turns ({@link CoreTurns}).
     */
    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("sharing")
    void cpuStepsSharingTwoCpusUnevenly(String name, Program program, RunOptions options, boolean uneven) {
        assertEquals(uneven, IdealTime.simulate(program, options, 2).uneven());
    }

    static Stream<Arguments> sharing() {
        Program threeComputing = Program.of(List.of(
                task("a", cpu(30)), task("b", cpu(30)), task("c", nap(5), cpu(30))));
        Program sevenComputing = Program.of(List.of(task("a", cpu(30)), task("b", cpu(30)), task("c", cpu(30)),
                task("d", cpu(30)), task("e", cpu(30)), task("f", cpu(30)), task("g", cpu(30))));
        Program behindALock = Program.of(List.of(
                task("a", new Step.Locked("L", List.of(cpu(30)))), task("b", new Step.Locked("L", List.of(cpu(30))))));
        return Stream.of(
                Arguments.of("three computing, a pool of 4", threeComputing, pool(4, false), true),
                Arguments.of("three computing, a pool of 2", threeComputing, pool(2, false), false),
                Arguments.of("three computing, the GIL", threeComputing, pool(4, true), false),
                Arguments.of("three computing, virtual threads on carriers", threeComputing,
                        new RunOptions(Mode.VIRTUAL_THREADS, 1), false),
                Arguments.of("seven computing, a pool of 4: four, then three", sevenComputing, pool(4, false), true),
                Arguments.of("seven computing, a pool of 2", sevenComputing, pool(2, false), false),
                Arguments.of("behind a lock, a pool of 4", behindALock, pool(4, false), false));
    }

    private static RunOptions pool(int threads, boolean gil) {
        return new RunOptions(Mode.PLATFORM_THREADS, 1, threads, RunOptions.NO_LIMIT, gil);
    }

    /** Runs are checked against their ideal time when they start, so it must be quick even for scale demos. */
    @Test
    void aHundredThousandTasksAreComputedQuickly() {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            tasks.add(i % 10 == 0 ? task("t" + i, cpu(1), nap(i % 997))
                    : task("t" + i, nap(i % 1_000), new Step.Locked("L" + i % 7, List.of(print("x")))));
        }
        Program program = Program.of(tasks);
        long sequential = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> idealMs(program, Mode.SEQUENTIAL));
        long virtual = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> idealMs(program, Mode.VIRTUAL_THREADS));
        assertTrue(sequential > virtual, sequential + " vs " + virtual);
        assertTrue(virtual >= 999, "the longest nap alone is 999 ms: " + virtual);
    }

    @Test
    void theRunReportsTheIdealTimeInScenarioMilliseconds() throws InterruptedException {
        try (RunRegistry registry = new RunRegistry(Limits.defaults())) {
            Program program = Program.of(List.of(task("a", new Step.Wait(Duration.ofMillis(1_500), "")),
                    task("b", new Step.Wait(Duration.ofNanos(250_500_000), ""))));
            Run run = registry.start(program, new RunOptions(Mode.SEQUENTIAL, 1_000));
            assertEquals(1_750.5, run.idealMs(), 0.0);
            Run virtual = registry.start(program, new RunOptions(Mode.VIRTUAL_THREADS, 1_000));
            assertEquals(1_500, virtual.idealMs(), 0.0, "speed does not change the ideal in scenario time");
            RunProbe.awaitEnd(run);
            RunProbe.awaitEnd(virtual);
        }
    }

    /** The ideal is a lower bound: no real run may beat it, or the learner sees negative overhead. */
    @Nested
    class NeverBeatenByARealRun {

        static Stream<Arguments> programs() {
            int cores = Runtime.getRuntime().availableProcessors();
            List<TaskSpec> cpuBound = new ArrayList<>();
            for (int i = 0; i <= cores; i++) {
                cpuBound.add(task("c" + i, cpu(60)));
            }
            return Stream.of(
                    Arguments.of("naps and an await", Program.of(List.of(
                            task("a", nap(60)), task("b", await("a"), nap(30)), task("c", nap(40))))),
                    Arguments.of("one lock, three holders", Program.of(List.of(
                            task("a", new Step.Locked("L", List.of(nap(40)))),
                            task("b", new Step.Locked("L", List.of(nap(40)))),
                            task("c", new Step.Locked("L", List.of(nap(40))))))),
                    Arguments.of("more CPU steps than cores", Program.of(cpuBound)),
                    Arguments.of("timeouts and a failure", Program.of(List.of(
                            task("a", timeout(50, nap(500)), nap(20)),
                            task("b", nap(30), fail(), nap(500)),
                            after("c", List.of("b"), timeout(40, await("a")), nap(10))))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("programs")
        void idealIsAtMostTheMeasuredElapsedTimeInEveryMode(String name, Program program)
                throws InterruptedException {
            try (RunRegistry registry = new RunRegistry(Limits.defaults())) {
                for (Mode mode : Mode.values()) {
                    Run run = RunProbe.awaitEnd(registry.start(program, new RunOptions(mode, 1)));
                    assertEquals(RunStatus.DONE, run.status());
                    double measured = run.summary().elapsedMs();
                    assertTrue(run.idealMs() <= measured,
                            mode + ": ideal " + run.idealMs() + " ms beats the measured " + measured + " ms");
                    assertTrue(run.idealMs() > 0, mode + ": no ideal time");
                }
            }
        }
    }

    /** The ideal follows the engine where it refuses to wait: such a task fails at once. */
    @Nested
    class TasksThatCannotWait {

        static Stream<Arguments> refused() {
            return Stream.of(
                    Arguments.of("sequential awaits a later task", Mode.SEQUENTIAL, 50L,
                            Program.of(List.of(task("a", await("b"), nap(100)), task("b", nap(50))))),
                    Arguments.of("sequential starts after a later task", Mode.SEQUENTIAL, 50L,
                            Program.of(List.of(after("a", List.of("b"), nap(100)), task("b", nap(50))))),
                    Arguments.of("sequential awaits itself", Mode.SEQUENTIAL, 20L,
                            Program.of(List.of(task("a", await("a"), nap(100)), task("b", nap(20))))),
                    Arguments.of("virtual threads await itself", Mode.VIRTUAL_THREADS, 20L,
                            Program.of(List.of(task("a", await("a"), nap(100)), task("b", nap(20))))),
                    Arguments.of("sequential awaits an unknown task", Mode.SEQUENTIAL, 20L,
                            Program.of(List.of(task("a", await("ghost"), nap(100)), task("b", nap(20))))),
                    Arguments.of("virtual threads await an unknown task", Mode.VIRTUAL_THREADS, 20L,
                            Program.of(List.of(task("a", await("ghost"), nap(100)), task("b", nap(20))))),
                    Arguments.of("sequential after an unknown task", Mode.SEQUENTIAL, 20L,
                            Program.of(List.of(after("a", List.of("ghost"), nap(100)), task("b", nap(20))))),
                    Arguments.of("virtual threads after an unknown task", Mode.VIRTUAL_THREADS, 20L,
                            Program.of(List.of(after("a", List.of("ghost"), nap(100)), task("b", nap(20))))));
        }

        @ParameterizedTest(name = "{0}: {2} ms")
        @MethodSource("refused")
        void aTaskTheEngineFailsAtOnceAddsNothing(String name, Mode mode, long expectedMs, Program program) {
            assertEquals(expectedMs, idealMs(program, mode));
        }
    }

    /**
     * Virtual threads share the machine's cores and locks: the brief asks for CPU steps scheduled
     * non-preemptively on the server's cores, and a lock lets one holder in at a time.
     */
    @Nested
    class SharedResources {

        private final int cores = Runtime.getRuntime().availableProcessors();

        @Test
        void moreCpuTasksThanCoresTakeMoreThanOneRound() {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i <= cores; i++) {
                tasks.add(task("c" + i, cpu(300)));
            }
            assertEquals(600, idealMs(Program.of(tasks), Mode.VIRTUAL_THREADS),
                    (cores + 1) + " CPU steps of 300 ms on " + cores + " cores");
        }

        @Test
        void asManyCpuTasksAsCoresRunInOneRound() {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                tasks.add(task("c" + i, cpu(300), nap(100)));
            }
            assertEquals(400, idealMs(Program.of(tasks), Mode.VIRTUAL_THREADS));
        }

        @Test
        void waitsDoNotTakeACore() {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < cores * 4; i++) {
                tasks.add(task("w" + i, nap(300)));
            }
            tasks.add(task("c", cpu(300)));
            assertEquals(300, idealMs(Program.of(tasks), Mode.VIRTUAL_THREADS));
        }

        @Test
        void tasksHoldingTheSameLockTakeTurns() {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(task("t" + i, new Step.Locked("L", List.of(nap(100)))));
            }
            tasks.add(task("other", new Step.Locked("M", List.of(nap(100)))));
            assertEquals(300, idealMs(Program.of(tasks), Mode.VIRTUAL_THREADS));
        }

        @Test
        void aTimeoutCutsTheWaitForACore() {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                tasks.add(task("c" + i, cpu(300)));
            }
            tasks.add(task("impatient", timeout(100, cpu(300)), nap(500)));
            assertEquals(900, idealMs(Program.of(tasks), Mode.VIRTUAL_THREADS),
                    "a virtual thread reaches its timeout only once a carrier frees at 300 ms; "
                            + "the timeout then cuts the cpu step at 400 ms, then a 500 ms nap");
        }

        @Test
        void aTimeoutCutsTheWaitForALock() {
            Program program = Program.of(List.of(
                    task("holder", new Step.Locked("L", List.of(nap(300)))),
                    task("impatient", timeout(100, new Step.Locked("L", List.of(nap(1_000)))), nap(500))));
            assertEquals(600, idealMs(program, Mode.VIRTUAL_THREADS));
        }

        @Test
        void aLockIsFreedWhenTheTimeoutAroundItExpires() {
            Program program = Program.of(List.of(
                    task("greedy", timeout(100, new Step.Locked("L", List.of(nap(1_000))))),
                    task("next", new Step.Locked("L", List.of(nap(50))))));
            assertEquals(150, idealMs(program, Mode.VIRTUAL_THREADS));
        }

        @Test
        void aLockIsFreedWhenItsHolderFails() {
            Program program = Program.of(List.of(
                    task("failing", new Step.Locked("L", List.of(nap(80), fail()))),
                    task("next", new Step.Locked("L", List.of(nap(50))))));
            assertEquals(130, idealMs(program, Mode.VIRTUAL_THREADS));
        }

        @Test
        void theIdealNeverExceedsARealVirtualThreadsRun() throws InterruptedException {
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(task("t" + i, new Step.Locked("L", List.of(nap(60))), nap(10)));
            }
            try (RunRegistry registry = new RunRegistry(Limits.defaults())) {
                Run run = RunProbe.awaitEnd(registry.start(new Program(tasks, Map.of()),
                        new RunOptions(Mode.VIRTUAL_THREADS, 1)));
                double elapsed = run.summary().elapsedMs();
                assertTrue(run.idealMs() <= elapsed, "ideal " + run.idealMs() + " > measured " + elapsed);
                assertTrue(run.idealMs() >= 180, "ideal " + run.idealMs() + " ignores that the lock serialises");
            }
        }
    }
}
