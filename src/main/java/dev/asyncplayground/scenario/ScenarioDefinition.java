package dev.asyncplayground.scenario;

import dev.asyncplayground.timeline.Measure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario written in the scenario language, parsed and checked, ready to be expanded for any
 * parameter values. Instances come from {@link ScenarioParser#parse}; they are immutable and may be
 * shared between threads.
 */
public final class ScenarioDefinition implements Scenario {

    private final List<Param> params;
    private final List<Stmt> program;

    ScenarioDefinition(List<Param> params, List<Stmt> program) {
        this.params = List.copyOf(params);
        this.program = List.copyOf(program);
    }

    @Override
    public List<Param> params() {
        return params;
    }

    /** Expands the scenario with at most {@code maxTasks} tasks and {@link ScenarioLimits#MAX_STEPS} steps. */
    @Override
    public Program instantiate(Map<String, Value> values, int maxTasks) {
        return instantiate(values, maxTasks, ScenarioLimits.MAX_STEPS);
    }

    /**
     * Expands the scenario: binds the parameters, runs its loops and conditions and builds the program.
     *
     * <p>Tasks and steps are counted before anything is built, so a loop over a billion tasks fails
     * at once. The whole expansion is bounded by {@link ScenarioLimits#MAX_WORK} and
     * {@link ScenarioLimits#MAX_TEXT}.
     *
     * @param values   one value per parameter (missing ones take their default), as {@link Parameters#bind} gives
     * @param maxTasks the task limit (MAX_TASKS)
     * @param maxSteps the step limit (MAX_STEPS), counting the steps inside lock and timeout blocks
     * @throws LimitExceededException    if a limit would be passed; the message names it
     * @throws InvalidScenarioException  for problems only these values show, with line and column
     * @throws InvalidParameterException if a value has the wrong type for its parameter
     */
    public Program instantiate(Map<String, Value> values, int maxTasks, int maxSteps) {
        try {
            return expand(values, maxTasks, maxSteps);
        } catch (InvalidScenarioException | LimitExceededException | InvalidParameterException expected) {
            throw expected;
        } catch (RuntimeException bug) {
            throw new InvalidScenarioException(List.of(new Diagnostic(1, 1, "internal error while expanding the"
                    + " scenario (" + bug + "); please report this scenario")));
        }
    }

    private Program expand(Map<String, Value> values, int maxTasks, int maxSteps) {
        Map<String, Value> variables = bind(values == null ? Map.of() : values);
        Budget budget = new Budget(ScenarioLimits.MAX_WORK);
        Evaluator evaluator = new Evaluator(variables, budget);
        Sizer.Size size = new Sizer(evaluator, variables, budget, maxTasks).of(program);
        if (size.tasks() > maxTasks) {
            throw Sizer.tooManyTasks(Long.toString(size.tasks()), maxTasks);
        }
        if (size.steps() > maxSteps) {
            throw new LimitExceededException("MAX_STEPS", "this scenario would create " + size.steps()
                    + " steps; the limit is " + maxSteps + " (MAX_STEPS)");
        }
        Map<String, Long> shared = new HashMap<>();
        for (Stmt stmt : program) {
            if (stmt instanceof Stmt.Shared declaration) {
                shared.put(declaration.name(), evaluator.integer(declaration.initial()));
            }
        }
        List<Measure> measures = program.stream().filter(Stmt.MeasureDecl.class::isInstance)
                .map(stmt -> ((Stmt.MeasureDecl) stmt).measure()).toList();
        List<Links.Built> tasks = new Expander(evaluator, variables, budget).tasks(program);
        List<Diagnostic> problems = Links.check(tasks);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return new Program(tasks.stream().map(Links.Built::spec).toList(), shared, measures);
    }

    private Map<String, Value> bind(Map<String, Value> values) {
        Map<String, Value> variables = new HashMap<>();
        for (Param param : params) {
            Value value = values.getOrDefault(param.name(), param.defaultValue());
            if (value == null || !DeclarationParser.fits(param.type(), value)) {
                throw new InvalidParameterException(param.name(), param.name() + " must be "
                        + param.type().expected());
            }
            variables.put(param.name(), value);
        }
        return variables;
    }
}
