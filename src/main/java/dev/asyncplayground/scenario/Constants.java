package dev.asyncplayground.scenario;

import java.util.Optional;
import java.util.function.Supplier;

/** Computes what is known before any parameter is (expressions that read no name) and reports what goes wrong. */
final class Constants {

    private final Evaluator evaluator = Evaluator.constant();
    private final Diagnostics diagnostics;

    Constants(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The value of an expression that reads no name; empty if it reads one or cannot be computed. */
    Optional<Value> value(Expr expr) {
        return Mentions.isConstant(expr) ? attempt(() -> evaluator.eval(expr)) : Optional.empty();
    }

    /** The text of a template whose holes read no name; empty otherwise. */
    Optional<String> text(Template template) {
        return Mentions.isConstant(template) ? attempt(() -> evaluator.text(template)) : Optional.empty();
    }

    /** Runs a computation or rule; if it finds a problem, reports it and gives empty. */
    <T> Optional<T> attempt(Supplier<T> computation) {
        try {
            return Optional.of(computation.get());
        } catch (InvalidScenarioException problem) {
            diagnostics.addAll(problem.diagnostics());
            return Optional.empty();
        }
    }

    Evaluator evaluator() {
        return evaluator;
    }
}
