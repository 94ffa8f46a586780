package dev.asyncplayground.engine;

import static dev.asyncplayground.engine.RunWaits.awaitEnd;
import static dev.asyncplayground.engine.RunWaits.awaitNoThreads;
import static dev.asyncplayground.engine.TestPrograms.print;
import static dev.asyncplayground.engine.TestPrograms.program;
import static dev.asyncplayground.engine.TestPrograms.task;
import static dev.asyncplayground.engine.TestPrograms.waitMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run's cost beyond its {@code cpu} steps is bounded: its events, the engine's own time and its
 * printed bytes. Past one, the run stops as failed with a message naming the limit, in every mode.
 */
class RunCostLimitsTest {

    private static final Duration PLENTY = Duration.ofSeconds(60);
    private static final Limits BASE = new Limits(100, Duration.ofSeconds(30), 10_000).withRuns(1, 10);

    /** Tasks that each take many zero-length waits: all engine work, no waiting. */
    private static Program busy(int tasks, int waits) {
        List<TaskSpec> specs = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            specs.add(task("t" + t, Collections.nCopies(waits, waitMs(0)).toArray(Step[]::new)));
        }
        return Program.of(specs);
    }

    private static Run runToEnd(Limits limits, Program program, Mode mode) {
        try (RunRegistry runs = new RunRegistry(limits)) {
            Run run = runs.start(program, new RunOptions(mode, 1));
            assertEquals(RunStatus.FAILED, awaitEnd(run), run.message());
            awaitNoThreads(runs);
            return run;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRunPastTheEventLimitStopsAsFailedNamingMaxEvents(Mode mode) {
        Run run = runToEnd(BASE.withCosts(2_000, PLENTY, 1 << 20), busy(4, 5_000), mode);
        assertTrue(run.message().contains("2,000 timeline events per run (MAX_EVENTS)"), run.message());
        long events = run.log().size();
        assertTrue(events > 2_000 && events <= 2_000 + 4 * 3, "a few ends after the limit at most: " + events);
        assertTrue(run.summary().tasks().stream().allMatch(t -> !t.status().equals("running")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRunPastThePrintedBytesLimitStopsAsFailedNamingMaxOutputBytes(Mode mode) {
        String line = "é".repeat(100);
        Step[] prints = Collections.nCopies(50, print(line)).toArray(Step[]::new);
        Run run = runToEnd(BASE.withCosts(1_000_000, PLENTY, 1_000), program(task("chatty", prints),
                task("quiet", waitMs(2_000))), mode);
        assertTrue(run.message().contains("1,000 printed bytes per run (MAX_OUTPUT_BYTES)"), run.message());
        assertEquals(5, RunWaits.events(run, TimelineEvent.Printed.class).size(),
                "five lines of 200 UTF-8 bytes fit, the sixth does not");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRunPastTheEngineTimeLimitStopsAsFailedNamingMaxEngineCpuSeconds(Mode mode) {
        Run run = runToEnd(BASE.withCosts(100_000_000, Duration.ofMillis(20), 1 << 20), busy(4, 200_000), mode);
        assertTrue(run.message().contains("0.02 s of the engine's own time per run (MAX_ENGINE_CPU_SECONDS)"),
                run.message());
        assertTrue(run.log().size() < 800_000, "stopped well before its 800,000 waits: " + run.log().size());
    }
}
