package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gil} option: every cpu step runs holding one global lock, as Python code in CPython
 * runs holding the global interpreter lock, which waits let go of.
 *
 * <p>The option rewrites the program before it runs, so the engine (a real fair lock), the
 * ideal-time simulation (a first-come-first-served lock) and the timeline (the lock's waits, under
 * the name {@value #LOCK}) all see the same thing. Like CPython, which asks a running thread to
 * let go every 5 ms (its switch interval), a cpu step takes the lock in slices of
 * {@link #SWITCH_INTERVAL} of real time, so threads computing at once take turns, and a short step
 * does not wait for a long one to finish.
 */
final class Gil {

    /** The name of the lock, as the timeline shows it. */
    static final String LOCK = "the GIL";
    /** CPython's default switch interval ({@code sys.getswitchinterval()}), in real time. */
    static final Duration SWITCH_INTERVAL = Duration.ofMillis(5);
    /** At most this many slices in a run: longer runs get longer slices, so the program stays small. */
    static final long MAX_SLICES = 20_000;

    private final long sliceNanos;

    private Gil(long sliceNanos) {
        this.sliceNanos = Math.max(1, sliceNanos);
    }

    /** The program as it runs under the options: {@link #apply rewritten} if they ask for the GIL. */
    static Program ifOn(Program program, RunOptions options) {
        return options.gil() ? apply(program, options) : program;
    }

    /** The program with its cpu steps cut into slices that each hold {@value #LOCK}. */
    static Program apply(Program program, RunOptions options) {
        long interval = Math.round(SWITCH_INTERVAL.toNanos() * options.speed());
        long cpu = program.tasks().stream().mapToLong(t -> cpuNanos(t.steps())).sum();
        Gil gil = new Gil(Math.max(interval, cpu / MAX_SLICES + 1));
        List<TaskSpec> tasks = new ArrayList<>(program.tasks().size());
        for (TaskSpec task : program.tasks()) {
            tasks.add(new TaskSpec(task.name(), task.after(), gil.steps(task.steps())));
        }
        return new Program(tasks, program.shared());
    }

    private List<Step> steps(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            switch (step) {
                case Step.Cpu cpu -> slices(cpu, out);
                case Step.Locked locked -> out.add(new Step.Locked(locked.lock(), steps(locked.body())));
                case Step.Timeout timeout -> out.add(new Step.Timeout(timeout.limit(), steps(timeout.body())));
                case Step.Wait wait -> out.add(wait);
                case Step.Print print -> out.add(print);
                case Step.Update update -> out.add(update);
                case Step.Await await -> out.add(await);
                case Step.Fail fail -> out.add(fail);
            }
        }
        return out;
    }

    private void slices(Step.Cpu cpu, List<Step> out) {
        long left = cpu.duration().toNanos();
        do {
            long slice = Math.min(left, sliceNanos);
            out.add(new Step.Locked(LOCK, List.of(new Step.Cpu(Duration.ofNanos(slice), cpu.label()))));
            left -= slice;
        } while (left > 0);
    }

    private static long cpuNanos(List<Step> steps) {
        long sum = 0;
        for (Step step : steps) {
            sum += switch (step) {
                case Step.Cpu cpu -> cpu.duration().toNanos();
                case Step.Locked locked -> cpuNanos(locked.body());
                case Step.Timeout timeout -> cpuNanos(timeout.body());
                default -> 0;
            };
        }
        return sum;
    }
}
