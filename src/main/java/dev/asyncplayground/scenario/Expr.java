package dev.asyncplayground.scenario;

import java.util.List;

/** An expression of the scenario language, as the parser read it. */
sealed interface Expr {

    /** Where the expression (for operators: the operator) stands in the text. */
    Pos pos();

    /** A whole number, a duration, true or false. */
    record Literal(Value value, Pos pos) implements Expr {}

    /** A string inside an expression, compared with a choice parameter. */
    record Text(Template template) implements Expr {
        public Pos pos() {
            return template.pos();
        }
    }

    /** A list of whole numbers in brackets. */
    record ListOf(List<Expr> items, Pos pos) implements Expr {
        public ListOf {
            items = List.copyOf(items);
        }
    }

    /** A parameter or loop variable. */
    record Name(String name, Pos pos) implements Expr {}

    /** {@code -x} or {@code not x}. */
    record Unary(Op op, Expr operand, Pos pos) implements Expr {}

    /** Two operands and an operator between them. */
    record Binary(Op op, Expr left, Expr right, Pos pos) implements Expr {}
}
