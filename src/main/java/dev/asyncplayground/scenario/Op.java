package dev.asyncplayground.scenario;

/** The operators of scenario expressions, with the spelling messages use. */
enum Op {
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), REMAINDER("%"),
    EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    AND("and"), OR("or"), IN("in"), NOT_IN("not in"), NEGATE("-"), NOT("not");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** True for the operators that compare two values and give true or false. */
    boolean isComparison() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> true;
            default -> false;
        };
    }
}
