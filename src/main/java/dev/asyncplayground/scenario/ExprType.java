package dev.asyncplayground.scenario;

/** The type of an expression, as the checker works it out before any value is known. */
enum ExprType {
    INT("a whole number"),
    DURATION("a duration"),
    BOOL("a true/false value"),
    LIST("a list"),
    TEXT("text"),
    UNKNOWN("a value whose type is unknown");

    private final String description;

    ExprType(String description) {
        this.description = description;
    }

    /** How messages name the type: "a whole number", "a duration", … */
    String description() {
        return description;
    }

    static ExprType of(ParamType type) {
        return switch (type) {
            case INT -> INT;
            case INT_LIST -> LIST;
            case DURATION -> DURATION;
            case BOOL -> BOOL;
            case CHOICE -> TEXT;
        };
    }

    static ExprType of(Value value) {
        return switch (value) {
            case Value.Int i -> INT;
            case Value.Dur d -> DURATION;
            case Value.Bool b -> BOOL;
            case Value.IntList l -> LIST;
            case Value.Text t -> TEXT;
        };
    }
}
