package dev.asyncplayground.scenario;

/** One piece of a string literal: plain text, or the source of a {@code {expression}} inside it. */
sealed interface Chunk {

    /** Text taken as it is, with {@code {{}}, {@code }}}, {@code \"} and {@code \\} already resolved. */
    record Literal(String text) implements Chunk {}

    /** The characters between a pair of braces, and where the first of them stands. */
    record Code(String source, int line, int column) implements Chunk {}
}
