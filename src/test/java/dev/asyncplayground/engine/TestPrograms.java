package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Short ways to write hand-built programs in tests. */
final class TestPrograms {

    private TestPrograms() {
    }

    static Step waitMs(long ms) {
        return new Step.Wait(Duration.ofMillis(ms), "");
    }

    static Step cpuMs(long ms) {
        return new Step.Cpu(Duration.ofMillis(ms), "");
    }

    static Step print(String text) {
        return new Step.Print(text);
    }

    static Step locked(String lock, Step... body) {
        return new Step.Locked(lock, List.of(body));
    }

    static Step timeoutMs(long ms, Step... body) {
        return new Step.Timeout(Duration.ofMillis(ms), List.of(body));
    }

    static Step await(String... tasks) {
        return new Step.Await(List.of(tasks));
    }

    static Step fail(String message) {
        return new Step.Fail(message);
    }

    static Step update(String shared, long delta, long thinkMs) {
        return new Step.Update(shared, delta, Duration.ofMillis(thinkMs));
    }

    static TaskSpec task(String name, Step... steps) {
        return TaskSpec.of(name, List.of(steps));
    }

    static TaskSpec taskAfter(String name, List<String> after, Step... steps) {
        return new TaskSpec(name, after, List.of(steps));
    }

    static Program program(TaskSpec... tasks) {
        return Program.of(List.of(tasks));
    }

    /** {@code count} tasks named {@code t0}, {@code t1}, … with the steps given for each index. */
    static Program many(int count, IntFunction<List<Step>> steps) {
        List<TaskSpec> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(TaskSpec.of("t" + i, steps.apply(i)));
        }
        return Program.of(tasks);
    }

    static RunOptions options(Mode mode) {
        return new RunOptions(mode, 1);
    }
}
