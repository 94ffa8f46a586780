package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.TestPrograms.cpuMs;
import static dev.asyncplayground.engine.TestPrograms.locked;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixed pool's threads are born before the run's clock starts and never outlive the run.
 *
 * <p>These tests drive the model the way {@code Run} does: {@code prepare} with the clock not yet
 * started, then {@code execute} once it has, and {@code close} whatever happened.
 */
class PlatformThreadsModelTest {

    private final EventLog log = new EventLog();
    private final LiveThreads threads = new LiveThreads();

    private RunState runOf(int tasks, int poolSize) {
        return runOf(tasks, poolSize, print("a line"));
    }

    private RunState runOf(int tasks, int poolSize, Step step) {
        TaskSpec[] specs = new TaskSpec[tasks];
        for (int i = 0; i < tasks; i++) {
            specs[i] = task("t" + i, step);
        }
        RunOptions options = new RunOptions(Mode.PLATFORM_THREADS, 1, poolSize, RunOptions.NO_LIMIT);
        Program program = program(specs);
        boolean uneven = IdealTime.simulate(program, options, 2).uneven();
        return new RunState(program, options, log, Limits.defaults(), threads, 2, uneven, reason -> { });
    }

    private void awaitLive(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + RunProbe.PATIENCE.toNanos();
        while (threads.count() != expected && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(expected, threads.count(), "pool threads (and core threads) alive");
    }

    /** Drives the model as {@code Run} does and returns what the run recorded. */
    private List<TimelineEvent> prepareThenExecute(RunState run, int poolThreads) throws InterruptedException {
        try (ExecutionModel model = new PlatformThreadsModel()) {
            model.prepare(run);
            awaitLive(poolThreads);
            assertEquals(0, log.size(), "nothing may be recorded before the clock starts");
            log.start();
            log.append(at -> new TimelineEvent.RunStarted(at, "platform-threads", run.taskNames()));
            model.execute(run);
        }
        assertEquals(0, threads.count(), "every pool thread is gone once execute returns");
        return log.snapshot();
    }

    @Test
    void preparingStartsThePoolWithoutRecordingAnythingBeforeTheClock() throws InterruptedException {
        List<TimelineEvent> events = prepareThenExecute(runOf(5, 2), 2);
        assertInstanceOf(TimelineEvent.RunStarted.class, events.getFirst());
        assertEquals(3, events.stream().filter(TimelineEvent.TaskQueued.class::isInstance).count(),
                "the tasks past the pool's two threads wait for one: " + events);
        assertEquals(5, events.stream().filter(TimelineEvent.TaskEnded.class::isInstance).count(), events.toString());
    }

    /** The model runs on a machine of two cores here ({@link #runOf}). */
    @Test
    void aPoolOfThreeComputingOnTwoCoresBurnsItsCpuStepsInTurnsOnOneThreadPerCore() throws InterruptedException {
        RunState run = runOf(3, 3, cpuMs(30));
        List<TimelineEvent> events = prepareThenExecute(run, 3 + 2);
        assertEquals(3, events.stream().filter(TimelineEvent.TaskEnded.class::isInstance).count(), events.toString());
        assertTrue(run.cpuUse().cpuNanos() >= 90_000_000L, "CPU burnt: " + run.cpuUse().cpuNanos() / 1e6 + " ms");
    }

    @Test
    void aPoolNoLargerThanTheCoresBurnsOnItsOwnThreads() throws InterruptedException {
        prepareThenExecute(runOf(2, 2, cpuMs(10)), 2);
    }

    @Test
    void aPoolWhoseComputingThreadsTheCoresDivideEvenlyBurnsOnItsOwnThreads() throws InterruptedException {
        prepareThenExecute(runOf(4, 4, cpuMs(10)), 4);
    }

    @Test
    void aPoolWithNothingToComputeStartsNoThreadForTheCores() throws InterruptedException {
        prepareThenExecute(runOf(3, 3), 3);
    }

    @Test
    void aPoolWhoseStepsComputeOneAtATimeBehindALockStartsNoThreadForTheCores() throws InterruptedException {
        prepareThenExecute(runOf(3, 3, locked("parent", cpuMs(10))), 3);
    }

    @Test
    void closingARunThatNeverStartedStopsItsWaitingPool() throws InterruptedException {
        RunState run = runOf(3, 3, cpuMs(10));
        ExecutionModel model = new PlatformThreadsModel();
        model.prepare(run);
        awaitLive(3 + 2);
        model.close();
        assertEquals(0, threads.count(), "no pool thread outlives a run stopped before its clock started");
        assertEquals(0, log.size());
    }

    @Test
    void aPoolIsNoLargerThanTheTasksItHasToRun() throws InterruptedException {
        List<TimelineEvent> events = prepareThenExecute(runOf(2, 8), 2);
        assertTrue(events.stream().noneMatch(TimelineEvent.TaskQueued.class::isInstance), events.toString());
    }
}
