package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the loops and conditions of a checked program for given values and builds its tasks and steps. */
final class Expander {

    /** What a task's expansion has seen so far: its links, how deep in timeouts, whether a fail surely ended it. */
    private static final class TaskState {
        private final List<Links.Link> links = new ArrayList<>();
        private int timeouts;
        private boolean ended;
    }

    private final Evaluator evaluator;
    private final Map<String, Value> variables;
    private final Budget budget;

    Expander(Evaluator evaluator, Map<String, Value> variables, Budget budget) {
        this.evaluator = evaluator;
        this.variables = variables;
        this.budget = budget;
    }

    /** The tasks of a program, in the order they are declared and generated. */
    List<Links.Built> tasks(List<Stmt> program) {
        List<Links.Built> tasks = new ArrayList<>();
        top(program, tasks);
        return tasks;
    }

    private void top(List<Stmt> block, List<Links.Built> tasks) {
        for (Stmt stmt : block) {
            budget.charge(1);
            switch (stmt) {
                case Stmt.Task task -> tasks.add(task(task));
                case Stmt.For loop -> loop(loop, body -> top(body, tasks));
                case Stmt.If conditional -> top(evaluator.chosen(conditional), tasks);
                default -> {
                    // declarations were handled before expansion; the parser keeps steps out of the top level
                }
            }
        }
    }

    private Links.Built task(Stmt.Task task) {
        String name = Rules.name("a task's name", evaluator.text(task.name()), task.name().pos());
        TaskState state = new TaskState();
        List<String> after = new ArrayList<>();
        for (Template template : task.after()) {
            String target = evaluator.text(template);
            after.add(target);
            state.links.add(new Links.Link(target, template.pos(), "after", true));
        }
        List<Step> steps = steps(task.body(), state);
        return new Links.Built(new TaskSpec(name, after, steps), task.pos(), state.links);
    }

    private List<Step> steps(List<Stmt> block, TaskState state) {
        List<Step> steps = new ArrayList<>();
        for (Stmt stmt : block) {
            budget.charge(1);
            step(stmt, state, steps);
        }
        return steps;
    }

    private void step(Stmt stmt, TaskState state, List<Step> steps) {
        switch (stmt) {
            case Stmt.Wait wait -> steps.add(new Step.Wait(duration("wait", wait.duration()),
                    evaluator.text(wait.label())));
            case Stmt.Cpu cpu -> steps.add(new Step.Cpu(duration("cpu", cpu.duration()), evaluator.text(cpu.label())));
            case Stmt.Print print -> steps.add(new Step.Print(evaluator.text(print.text())));
            case Stmt.Lock lock -> steps.add(new Step.Locked(
                    Rules.name("a lock's name", evaluator.text(lock.name()), lock.name().pos()),
                    steps(lock.body(), state)));
            case Stmt.Update update -> steps.add(new Step.Update(update.shared(), evaluator.integer(update.delta()),
                    duration("thinking", update.think())));
            case Stmt.Await await -> steps.add(new Step.Await(awaited(await, state)));
            case Stmt.Timeout timeout -> steps.add(timeout(timeout, state));
            case Stmt.Fail fail -> {
                steps.add(new Step.Fail(evaluator.text(fail.message())));
                state.ended |= state.timeouts == 0;
            }
            case Stmt.For loop -> loop(loop, body -> steps.addAll(steps(body, state)));
            case Stmt.If conditional -> steps.addAll(steps(evaluator.chosen(conditional), state));
            default -> {
                // the parser keeps declarations and tasks out of task bodies
            }
        }
    }

    private List<String> awaited(Stmt.Await await, TaskState state) {
        List<String> names = new ArrayList<>();
        for (Template template : await.tasks()) {
            String target = Rules.name("a task's name", evaluator.text(template), template.pos());
            names.add(target);
            state.links.add(new Links.Link(target, template.pos(), "await", state.timeouts == 0 && !state.ended));
        }
        return names;
    }

    private Step timeout(Stmt.Timeout timeout, TaskState state) {
        Duration limit = duration("timeout", timeout.limit());
        state.timeouts++;
        List<Step> body = steps(timeout.body(), state);
        state.timeouts--;
        return new Step.Timeout(limit, body);
    }

    private Duration duration(String keyword, Expr expr) {
        return Rules.duration(keyword, evaluator.duration(expr), expr.pos());
    }

    private void loop(Stmt.For loop, Consumer<List<Stmt>> body) {
        Rounds rounds = Rounds.of(loop.source(), evaluator);
        budget.chargeLoop(rounds.count(), Cost.perRound(loop.body()), loop.pos());
        for (long k = 0; k < rounds.count(); k++) {
            variables.put(loop.variable(), new Value.Int(rounds.value(k)));
            body.accept(loop.body());
        }
        variables.remove(loop.variable());
    }
}
