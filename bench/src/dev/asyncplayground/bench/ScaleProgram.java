package dev.asyncplayground.bench;

import dev.asyncplayground.scenario.LimitExceededException;
import dev.asyncplayground.scenario.ParseResult;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.ScenarioParser;
import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scale program, N tasks that each wait 1 s, written in the scenario language.
 *
 * <p>If the language's own expansion limits refuse a size, the same program is built directly
 * from {@link TaskSpec} and {@link Step}, and {@link #via()} says so.
 *
 * @param program    the program
 * @param via        how it was built: {@code scenario} or {@code Program API}
 * @param buildNanos how long building it took
 */
record ScaleProgram(Program program, String via, long buildNanos) {

    /** The scenario text for N tasks. */
    static String text(int tasks) {
        return "for i in 1.." + tasks + ":\n  task \"t{i}\":\n    wait 1s \"sleep\"\n";
    }

    /** Builds the program for N tasks, through the scenario language when its limits allow. */
    static ScaleProgram of(int tasks, int maxTasks) {
        long start = System.nanoTime();
        ParseResult parsed = ScenarioParser.parse(text(tasks));
        if (parsed.scenario() == null) {
            throw new IllegalStateException("scale scenario does not parse: " + parsed.diagnostics());
        }
        try {
            Program program = parsed.scenario().instantiate(Map.of(), maxTasks);
            return new ScaleProgram(program, "scenario", System.nanoTime() - start);
        } catch (LimitExceededException refused) {
            long direct = System.nanoTime();
            List<TaskSpec> specs = new ArrayList<>(tasks);
            for (int i = 1; i <= tasks; i++) {
                specs.add(TaskSpec.of("t" + i, List.of(new Step.Wait(Duration.ofSeconds(1), "sleep"))));
            }
            return new ScaleProgram(Program.of(specs), "Program API (" + refused.limit() + ")",
                    System.nanoTime() - direct);
        }
    }
}
