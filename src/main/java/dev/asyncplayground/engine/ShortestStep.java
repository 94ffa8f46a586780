package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.time.Duration;
import java.util.List;

/**
 * Finds the shortest timed step of a program: a wait, a cpu step, the think time of an update or
 * the limit of a timeout, in scenario time. Steps that take no time (a print, a zero think) do not
 * count.
 */
final class ShortestStep {

    private ShortestStep() {
    }

    /** The shortest timed step's length in scenario nanoseconds, or {@link Long#MAX_VALUE} if none takes time. */
    static long nanos(Program program) {
        long shortest = Long.MAX_VALUE;
        for (TaskSpec task : program.tasks()) {
            shortest = Math.min(shortest, in(task.steps()));
        }
        return shortest;
    }

    private static long in(List<Step> steps) {
        long shortest = Long.MAX_VALUE;
        for (Step step : steps) {
            shortest = Math.min(shortest, of(step));
        }
        return shortest;
    }

    private static long of(Step step) {
        return switch (step) {
            case Step.Wait wait -> timed(wait.duration());
            case Step.Cpu cpu -> timed(cpu.duration());
            case Step.Update update -> timed(update.think());
            case Step.Locked locked -> in(locked.body());
            case Step.Timeout timeout -> Math.min(timed(timeout.limit()), in(timeout.body()));
            case Step.Print print -> Long.MAX_VALUE;
            case Step.Await await -> Long.MAX_VALUE;
            case Step.Fail fail -> Long.MAX_VALUE;
        };
    }

    private static long timed(Duration duration) {
        long nanos = duration.toNanos();
        return nanos > 0 ? nanos : Long.MAX_VALUE;
    }
}
