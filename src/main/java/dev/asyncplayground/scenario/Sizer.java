package dev.asyncplayground.scenario;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the tasks and steps a program will make before anything is built.
 *
 * <p>A loop whose conditions and inner ranges do not read its variable makes the same number of
 * tasks and steps every round, so it is counted once and multiplied: a billion-round loop is
 * counted instantly. Other loops are counted round by round, within the work budget.
 */
final class Sizer {

    /** How many tasks and steps; sums and products stop at {@link Long#MAX_VALUE}. */
    record Size(long tasks, long steps) {

        static final Size ZERO = new Size(0, 0);
        static final Size STEP = new Size(0, 1);
        static final Size TASK = new Size(1, 0);

        Size plus(Size other) {
            return new Size(add(tasks, other.tasks), add(steps, other.steps));
        }

        Size times(long rounds) {
            return new Size(multiply(tasks, rounds), multiply(steps, rounds));
        }

        private static long add(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        private static long multiply(long a, long b) {
            return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
        }
    }

    private final Evaluator evaluator;
    private final Map<String, Value> variables;
    private final Budget budget;
    private final int maxTasks;
    private final Map<Stmt.For, Boolean> dependent = new IdentityHashMap<>();

    Sizer(Evaluator evaluator, Map<String, Value> variables, Budget budget, int maxTasks) {
        this.evaluator = evaluator;
        this.variables = variables;
        this.budget = budget;
        this.maxTasks = maxTasks;
    }

    /** The limit message for too many tasks; {@code count} may say "at least". */
    static LimitExceededException tooManyTasks(String count, int maxTasks) {
        return new LimitExceededException("MAX_TASKS", "this scenario would create " + count + " tasks; the limit is "
                + maxTasks + " (MAX_TASKS)");
    }

    Size of(List<Stmt> block) {
        Size total = Size.ZERO;
        for (Stmt stmt : block) {
            budget.charge(1);
            total = total.plus(of(stmt));
        }
        return total;
    }

    private Size of(Stmt stmt) {
        return switch (stmt) {
            case Stmt.ParamDecl decl -> Size.ZERO;
            case Stmt.Shared shared -> Size.ZERO;
            case Stmt.MeasureDecl measure -> Size.ZERO;
            case Stmt.Task task -> Size.TASK.plus(of(task.body()));
            case Stmt.For loop -> loop(loop);
            case Stmt.If conditional -> of(evaluator.chosen(conditional));
            case Stmt.Lock lock -> Size.STEP.plus(of(lock.body()));
            case Stmt.Timeout timeout -> Size.STEP.plus(of(timeout.body()));
            case Stmt.Wait wait -> Size.STEP;
            case Stmt.Cpu cpu -> Size.STEP;
            case Stmt.Print print -> Size.STEP;
            case Stmt.Update update -> Size.STEP;
            case Stmt.Await await -> Size.STEP;
            case Stmt.Fail fail -> Size.STEP;
        };
    }

    private Size loop(Stmt.For loop) {
        Rounds rounds = Rounds.of(loop.source(), evaluator);
        if (rounds.count() == 0) {
            return Size.ZERO;
        }
        if (!dependent.computeIfAbsent(loop, l -> Mentions.inControl(l.body(), l.variable()))) {
            return round(loop, rounds, 0).times(rounds.count());
        }
        long direct = loop.body().stream().filter(stmt -> stmt instanceof Stmt.Task).count();
        if (direct > 0 && rounds.count() > maxTasks / direct) {
            throw tooManyTasks("at least " + Size.multiply(rounds.count(), direct), maxTasks);
        }
        budget.chargeLoop(rounds.count(), Cost.perRound(loop.body()), loop.pos());
        Size total = Size.ZERO;
        for (long k = 0; k < rounds.count(); k++) {
            total = total.plus(round(loop, rounds, k));
        }
        return total;
    }

    private Size round(Stmt.For loop, Rounds rounds, long k) {
        variables.put(loop.variable(), new Value.Int(rounds.value(k)));
        try {
            return of(loop.body());
        } finally {
            variables.remove(loop.variable());
        }
    }
}
