package dev.asyncplayground.scenario;

import java.util.Optional;

/** The typing rules of the operators: which operand types they take, what they give, and what to say otherwise. */
final class Operators {

    private Operators() {
    }

    /** The result type of {@code left op right}, or empty if the operator does not take those types. */
    static Optional<ExprType> result(Op op, ExprType left, ExprType right) {
        boolean ints = left == ExprType.INT && right == ExprType.INT;
        boolean durations = left == ExprType.DURATION && right == ExprType.DURATION;
        boolean scaled = left == ExprType.INT && right == ExprType.DURATION
                || left == ExprType.DURATION && right == ExprType.INT;
        ExprType type = switch (op) {
            case PLUS, MINUS -> ints ? ExprType.INT : durations ? ExprType.DURATION : null;
            case TIMES -> ints ? ExprType.INT : scaled ? ExprType.DURATION : null;
            case DIVIDE -> ints || durations ? ExprType.INT
                    : left == ExprType.DURATION && right == ExprType.INT ? ExprType.DURATION : null;
            case REMAINDER -> ints ? ExprType.INT : null;
            case EQUAL, NOT_EQUAL -> left == right ? ExprType.BOOL : null;
            case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> ints || durations ? ExprType.BOOL : null;
            case AND, OR -> left == ExprType.BOOL && right == ExprType.BOOL ? ExprType.BOOL : null;
            case IN, NOT_IN -> left == ExprType.INT && right == ExprType.LIST ? ExprType.BOOL : null;
            case NEGATE, NOT -> null;
        };
        return Optional.ofNullable(type);
    }

    /** The type to carry on with after an error, so that one mistake is reported once. */
    static ExprType guess(Op op) {
        return op.isComparison() || op == Op.AND || op == Op.OR || op == Op.IN || op == Op.NOT_IN
                ? ExprType.BOOL : ExprType.UNKNOWN;
    }

    /** Says why {@code left op right} does not work, and what would. */
    static String mismatch(Op op, ExprType left, ExprType right) {
        String symbol = "'" + op.symbol() + "'";
        String pair = left.description() + " and " + right.description();
        boolean unitless = left == ExprType.INT && right == ExprType.DURATION
                || left == ExprType.DURATION && right == ExprType.INT;
        String unitHint = unitless ? "; give the number a unit, like 5s" : "";
        return switch (op) {
            case AND, OR -> symbol + " needs true or false on both sides, but got " + pair;
            case IN, NOT_IN -> symbol + " needs a whole number on its left and a list on its right, like i in"
                    + " sleepers, but got " + pair;
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> symbol + " cannot compare "
                    + left.description() + " with " + right.description() + unitHint;
            case TIMES -> symbol + " cannot multiply " + pair
                    + (left == ExprType.DURATION && right == ExprType.DURATION
                    ? "; multiply a duration by a whole number, like 3 * unit" : "");
            case DIVIDE -> symbol + " cannot divide " + pair
                    + (left == ExprType.INT && right == ExprType.DURATION
                    ? "; a duration can be divided by a whole number, not the other way round" : "");
            case PLUS, MINUS -> symbol + " cannot combine " + pair + unitHint;
            default -> symbol + " cannot combine " + pair;
        };
    }
}
