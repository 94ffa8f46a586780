package dev.asyncplayground.scenario;

import java.util.Optional;

/** Works out the type of every expression and reports operators, names and choices that do not fit. */
final class TypeChecker {

    private final Scope scope;
    private final Diagnostics diagnostics;
    private final Evaluator constants;
    private int errors;

    TypeChecker(Scope scope, Diagnostics diagnostics, Evaluator constants) {
        this.scope = scope;
        this.diagnostics = diagnostics;
        this.constants = constants;
    }

    /** How many problems have been reported so far, including ones at a place already reported. */
    int errors() {
        return errors;
    }

    void report(Pos pos, String message) {
        errors++;
        diagnostics.add(pos, message);
    }

    /** Reports a type other than {@code wanted}; true if the expression has that type and no problem. */
    boolean expect(Expr expr, ExprType wanted, String message) {
        int before = errors;
        ExprType type = type(expr);
        if (type != wanted && type != ExprType.UNKNOWN) {
            report(expr.pos(), message);
        }
        return type == wanted && errors == before;
    }

    /** The type of an expression, reporting every problem in it; UNKNOWN where a problem hides the type. */
    ExprType type(Expr expr) {
        return switch (expr) {
            case Expr.Literal l -> ExprType.of(l.value());
            case Expr.Text t -> {
                template(t.template());
                yield ExprType.TEXT;
            }
            case Expr.ListOf l -> list(l);
            case Expr.Name n -> name(n);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
        };
    }

    /** Checks the expressions in a template's holes; any type can be written into text. */
    void template(Template template) {
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Part.Hole hole) {
                type(hole.expr());
            }
        }
    }

    private ExprType list(Expr.ListOf list) {
        for (Expr item : list.items()) {
            ExprType type = type(item);
            if (type != ExprType.INT && type != ExprType.UNKNOWN) {
                report(item.pos(), "list items must be whole numbers, but this is " + type.description());
            }
        }
        return ExprType.LIST;
    }

    private ExprType name(Expr.Name name) {
        Optional<Scope.Binding> binding = scope.lookup(name.name());
        if (binding.isPresent()) {
            return binding.get().type();
        }
        if (!scope.isBroken(name.name())) {
            report(name.pos(), unknown(name.name()));
        }
        return ExprType.UNKNOWN;
    }

    private String unknown(String name) {
        if (scope.shared(name).isPresent()) {
            return "'" + name + "' is a shared value, which changes while the scenario runs, so expressions cannot"
                    + " read it; only 'update' can change it";
        }
        Optional<String> owner = scope.choiceOwner(name);
        if (owner.isPresent()) {
            return "unknown name '" + name + "'; to compare with a choice, put it in quotes: " + owner.get()
                    + " == \"" + name + "\"";
        }
        return "unknown name '" + name + "'" + Suggestions.closest(name, scope.readable())
                .map(s -> "; did you mean '" + s + "'?").orElse("; names come from 'param' lines and 'for' loops");
    }

    private ExprType unary(Expr.Unary unary) {
        ExprType type = type(unary.operand());
        if (unary.op() == Op.NOT) {
            if (type != ExprType.BOOL && type != ExprType.UNKNOWN) {
                report(unary.pos(), "'not' needs true or false, but this is " + type.description());
            }
            return ExprType.BOOL;
        }
        if (type != ExprType.INT && type != ExprType.DURATION && type != ExprType.UNKNOWN) {
            report(unary.pos(), "'-' needs a whole number or a duration, but this is " + type.description());
            return ExprType.UNKNOWN;
        }
        return type;
    }

    private ExprType binary(Expr.Binary binary) {
        ExprType left = type(binary.left());
        int before = errors;
        ExprType right = type(binary.right());
        if (left == ExprType.UNKNOWN || right == ExprType.UNKNOWN) {
            return Operators.guess(binary.op());
        }
        Optional<ExprType> result = Operators.result(binary.op(), left, right);
        if (result.isEmpty()) {
            report(binary.pos(), Operators.mismatch(binary.op(), left, right));
            return Operators.guess(binary.op());
        }
        if (errors == before && (binary.op() == Op.DIVIDE || binary.op() == Op.REMAINDER)) {
            divisor(binary);
        }
        if (binary.op() == Op.EQUAL || binary.op() == Op.NOT_EQUAL) {
            choice(binary.left(), binary.right());
            choice(binary.right(), binary.left());
        }
        return result.get();
    }

    private void divisor(Expr.Binary binary) {
        if (!Mentions.isConstant(binary.right())) {
            return;
        }
        try {
            Value value = constants.eval(binary.right());
            if (value.equals(new Value.Int(0)) || value instanceof Value.Dur d && d.value().isZero()) {
                report(binary.pos(), Arithmetic.divisionByZero(binary.op(), value));
            }
        } catch (InvalidScenarioException problem) {
            problem.diagnostics().forEach(d -> report(new Pos(d.line(), d.column()), d.message()));
        }
    }

    private void choice(Expr side, Expr other) {
        if (side instanceof Expr.Name name && other instanceof Expr.Text text) {
            Optional<String> fixed = text.template().fixed();
            scope.lookup(name.name()).filter(b -> !b.choices().isEmpty() && fixed.isPresent()
                    && !b.choices().contains(fixed.get())).ifPresent(b -> report(text.pos(), "\"" + fixed.get()
                    + "\" is not one of the choices of '" + name.name() + "': " + String.join(", ", b.choices())));
        }
    }
}
