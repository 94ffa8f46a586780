package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.function.Supplier;

/** The operators on values: whole numbers, durations and comparisons, with overflow and division by zero caught. */
final class Arithmetic {

    private Arithmetic() {
    }

    static Value apply(Op op, Value left, Value right, Pos pos) {
        return switch (op) {
            case PLUS, MINUS, TIMES -> exact(op, pos, () -> sumOrProduct(op, left, right, pos));
            case DIVIDE, REMAINDER -> divide(op, left, right, pos);
            case EQUAL -> new Value.Bool(left.equals(right));
            case NOT_EQUAL -> new Value.Bool(!left.equals(right));
            case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> new Value.Bool(compare(op, left, right, pos));
            case AND, OR, IN, NOT_IN, NEGATE, NOT -> throw mismatch(op, pos);
        };
    }

    static Value negate(Value value, Pos pos) {
        return exact(Op.NEGATE, pos, () -> switch (value) {
            case Value.Int i -> new Value.Int(Math.negateExact(i.value()));
            case Value.Dur d -> new Value.Dur(d.value().negated());
            default -> throw mismatch(Op.NEGATE, pos);
        });
    }

    static String divisionByZero(Op op, Value divisor) {
        return "cannot divide by zero: the right side of '" + op.symbol() + "' is " + divisor.display();
    }

    private static Value sumOrProduct(Op op, Value left, Value right, Pos pos) {
        if (left instanceof Value.Int a && right instanceof Value.Int b) {
            return new Value.Int(switch (op) {
                case PLUS -> Math.addExact(a.value(), b.value());
                case MINUS -> Math.subtractExact(a.value(), b.value());
                default -> Math.multiplyExact(a.value(), b.value());
            });
        }
        if (left instanceof Value.Dur a && right instanceof Value.Dur b && op != Op.TIMES) {
            return new Value.Dur(op == Op.PLUS ? a.value().plus(b.value()) : a.value().minus(b.value()));
        }
        if (op == Op.TIMES && left instanceof Value.Int n && right instanceof Value.Dur d) {
            return new Value.Dur(d.value().multipliedBy(n.value()));
        }
        if (op == Op.TIMES && left instanceof Value.Dur d && right instanceof Value.Int n) {
            return new Value.Dur(d.value().multipliedBy(n.value()));
        }
        throw mismatch(op, pos);
    }

    private static Value divide(Op op, Value left, Value right, Pos pos) {
        if (right.equals(new Value.Int(0)) || right instanceof Value.Dur d && d.value().isZero()) {
            throw Rules.invalid(pos, divisionByZero(op, right));
        }
        return exact(op, pos, () -> {
            if (left instanceof Value.Int a && right instanceof Value.Int b) {
                if (a.value() == Long.MIN_VALUE && b.value() == -1) {
                    throw new ArithmeticException("overflow");
                }
                return new Value.Int(op == Op.DIVIDE ? Math.floorDiv(a.value(), b.value())
                        : Math.floorMod(a.value(), b.value()));
            }
            if (op == Op.DIVIDE && left instanceof Value.Dur a && right instanceof Value.Int b) {
                return new Value.Dur(a.value().dividedBy(b.value()));
            }
            if (op == Op.DIVIDE && left instanceof Value.Dur a && right instanceof Value.Dur b) {
                return new Value.Int(a.value().dividedBy(b.value()));
            }
            throw mismatch(op, pos);
        });
    }

    private static boolean compare(Op op, Value left, Value right, Pos pos) {
        int order;
        if (left instanceof Value.Int a && right instanceof Value.Int b) {
            order = Long.compare(a.value(), b.value());
        } else if (left instanceof Value.Dur a && right instanceof Value.Dur b) {
            order = a.value().compareTo(b.value());
        } else {
            throw mismatch(op, pos);
        }
        return switch (op) {
            case LESS -> order < 0;
            case LESS_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            default -> order >= 0;
        };
    }

    private static Value exact(Op op, Pos pos, Supplier<Value> computation) {
        try {
            return computation.get();
        } catch (ArithmeticException overflow) {
            throw Rules.invalid(pos, "the result of '" + op.symbol() + "' is too large to compute");
        }
    }

    /** Values of the wrong type reached an operator: a bug, since the checker refuses such expressions. */
    static IllegalStateException mismatch(Op op, Pos pos) {
        return new IllegalStateException("'" + op.symbol() + "' applied to values of the wrong type at " + pos);
    }

    static long integer(Value value, Pos pos) {
        if (value instanceof Value.Int i) {
            return i.value();
        }
        throw new IllegalStateException("a whole number was expected at " + pos + ", not " + value);
    }

    static Duration duration(Value value, Pos pos) {
        if (value instanceof Value.Dur d) {
            return d.value();
        }
        throw new IllegalStateException("a duration was expected at " + pos + ", not " + value);
    }
}
