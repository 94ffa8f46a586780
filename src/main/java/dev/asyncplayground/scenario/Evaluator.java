package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes expressions and templates from the values of parameters and loop variables. */
final class Evaluator {

    private final Map<String, Value> variables;
    private final Budget budget;

    /**
     * @param variables the values in scope; the caller adds and removes loop variables as it goes
     * @param budget    charged one unit per expression part evaluated
     */
    Evaluator(Map<String, Value> variables, Budget budget) {
        this.variables = variables;
        this.budget = budget;
    }

    /** An evaluator for expressions that read no names. */
    static Evaluator constant() {
        return new Evaluator(Map.of(), new Budget(ScenarioLimits.MAX_WORK));
    }

    Value eval(Expr expr) {
        budget.charge(1);
        return switch (expr) {
            case Expr.Literal literal -> literal.value();
            case Expr.Text text -> new Value.Text(text(text.template()));
            case Expr.ListOf list -> list(list);
            case Expr.Name name -> lookup(name);
            case Expr.Unary unary -> unary.op() == Op.NOT ? new Value.Bool(!truth(unary.operand()))
                    : Arithmetic.negate(eval(unary.operand()), unary.pos());
            case Expr.Binary binary -> binary(binary);
        };
    }

    long integer(Expr expr) {
        return Arithmetic.integer(eval(expr), expr.pos());
    }

    Duration duration(Expr expr) {
        return Arithmetic.duration(eval(expr), expr.pos());
    }

    boolean truth(Expr expr) {
        if (eval(expr) instanceof Value.Bool bool) {
            return bool.value();
        }
        throw new IllegalStateException("true or false was expected at " + expr.pos());
    }

    List<Long> list(Expr expr) {
        if (eval(expr) instanceof Value.IntList list) {
            return list.values();
        }
        throw new IllegalStateException("a list was expected at " + expr.pos());
    }

    /** The text of a template with every hole filled in. */
    String text(Template template) {
        Optional<String> fixed = template.fixed();
        if (fixed.isPresent()) {
            return fixed.get();
        }
        StringBuilder text = new StringBuilder();
        for (Template.Part part : template.parts()) {
            switch (part) {
                case Template.Part.Text literal -> text.append(literal.text());
                case Template.Part.Hole hole -> text.append(display(eval(hole.expr())));
            }
        }
        budget.chargeText(text.length());
        return text.toString();
    }

    /** The block of the first branch whose condition holds, else the {@code else} block. */
    List<Stmt> chosen(Stmt.If conditional) {
        for (Stmt.Branch branch : conditional.branches()) {
            if (truth(branch.condition())) {
                return branch.body();
            }
        }
        return conditional.otherwise();
    }

    private static String display(Value value) {
        return value instanceof Value.Dur duration ? Rules.show(duration.value()) : value.display();
    }

    private Value list(Expr.ListOf list) {
        List<Long> items = new ArrayList<>();
        for (Expr item : list.items()) {
            items.add(integer(item));
        }
        return new Value.IntList(items);
    }

    private Value lookup(Expr.Name name) {
        Value value = variables.get(name.name());
        if (value == null) {
            throw new IllegalStateException("'" + name.name() + "' has no value at " + name.pos());
        }
        return value;
    }

    private Value binary(Expr.Binary binary) {
        return switch (binary.op()) {
            case AND -> new Value.Bool(truth(binary.left()) && truth(binary.right()));
            case OR -> new Value.Bool(truth(binary.left()) || truth(binary.right()));
            case IN, NOT_IN -> {
                long item = integer(binary.left());
                List<Long> items = list(binary.right());
                budget.charge(items.size());
                yield new Value.Bool(items.contains(item) == (binary.op() == Op.IN));
            }
            default -> Arithmetic.apply(binary.op(), eval(binary.left()), eval(binary.right()), binary.pos());
        };
    }
}
