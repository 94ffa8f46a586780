package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The elapsed time a program would take under a mode's rules with zero overhead, in scenario
 * nanoseconds.
 *
 * <p>{@code sequential}: every task's steps one after another. {@code virtual-threads}: every
 * task starts at once, so the run lasts as long as its longest chain of steps and awaited tasks.
 */
final class IdealTime {

    private final Program program;
    private final Map<String, TaskSpec> byName = new HashMap<>();
    private final Map<String, Long> finish = new HashMap<>();

    private IdealTime(Program program) {
        this.program = program;
        program.tasks().forEach(t -> byName.put(t.name(), t));
    }

    static long of(Program program, Mode mode) {
        IdealTime ideal = new IdealTime(program);
        return switch (mode) {
            case SEQUENTIAL -> ideal.oneAfterAnother();
            case VIRTUAL_THREADS -> ideal.allAtOnce();
        };
    }

    private long oneAfterAnother() {
        long clock = 0;
        for (TaskSpec task : program.tasks()) {
            clock = walk(task.steps(), clock).clock();
            finish.put(task.name(), clock);
        }
        return clock;
    }

    private long allAtOnce() {
        long end = 0;
        for (TaskSpec task : program.tasks()) {
            end = Math.max(end, finishOf(task.name()));
        }
        return end;
    }

    private long finishOf(String name) {
        Long known = finish.get(name);
        if (known != null) {
            return known;
        }
        finish.put(name, 0L);
        TaskSpec task = byName.get(name);
        long start = 0;
        for (String before : task.after()) {
            start = Math.max(start, finishOf(before));
        }
        long end = walk(task.steps(), start).clock();
        finish.put(name, end);
        return end;
    }

    private Walk walk(List<Step> steps, long clock) {
        for (Step step : steps) {
            Walk next = switch (step) {
                case Step.Wait w -> new Walk(clock + w.duration().toNanos(), false);
                case Step.Cpu c -> new Walk(clock + c.duration().toNanos(), false);
                case Step.Update u -> new Walk(clock + u.think().toNanos(), false);
                case Step.Print p -> new Walk(clock, false);
                case Step.Locked l -> walk(l.body(), clock);
                case Step.Await a -> new Walk(awaitEnd(a.tasks(), clock), false);
                case Step.Timeout t -> timed(t, clock);
                case Step.Fail f -> new Walk(clock, true);
            };
            clock = next.clock();
            if (next.ended()) {
                return next;
            }
        }
        return new Walk(clock, false);
    }

    private Walk timed(Step.Timeout timeout, long clock) {
        Walk body = walk(timeout.body(), clock);
        long limit = clock + timeout.limit().toNanos();
        return body.clock() > limit ? new Walk(limit, false) : body;
    }

    private long awaitEnd(List<String> names, long clock) {
        for (String name : names) {
            if (byName.containsKey(name)) {
                clock = Math.max(clock, finishOf(name));
            }
        }
        return clock;
    }

    /** Where the clock stands after some steps, and whether a {@code fail} ended the task. */
    private record Walk(long clock, boolean ended) {}
}
