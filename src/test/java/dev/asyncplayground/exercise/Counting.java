package dev.asyncplayground.exercise;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Scenario;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.scenario.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hand-built reference for {@code counting.scn}: print 1..count, where each number in
 * {@code sleepers} first naps value × unit.
 */
final class Counting implements Scenario {

    private static final List<Param> PARAMS = List.of(
            Param.ofInt("count", 30, 1, 200, "how far to count"),
            Param.ofIntList("sleepers", List.of(8L, 12L), 1, 200, "numbers that nap before printing"),
            Param.ofDuration("unit", Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofSeconds(5),
                    "nap length per unit of the number"));

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public Program instantiate(Map<String, Value> values, int maxTasks) {
        long count = ((Value.Int) values.get("count")).value();
        List<Long> sleepers = ((Value.IntList) values.get("sleepers")).values();
        Duration unit = ((Value.Dur) values.get("unit")).value();
        if (count > maxTasks) {
            throw new LimitExceededException("MAX_TASKS",
                    "count " + count + " would create more than the limit of " + maxTasks + " tasks (MAX_TASKS)");
        }
        List<TaskSpec> tasks = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            List<Step> steps = new ArrayList<>();
            if (sleepers.contains(i)) {
                steps.add(new Step.Wait(unit.multipliedBy(i), "nap"));
            }
            steps.add(new Step.Print(Long.toString(i)));
            tasks.add(TaskSpec.of("n" + i, steps));
        }
        return Program.of(tasks);
    }
}
