package dev.asyncplayground.scenario;

/** A place in the scenario text: 1-based line and column. */
record Pos(int line, int column) {

    static Pos of(Token token) {
        return new Pos(token.line(), token.column());
    }
}
