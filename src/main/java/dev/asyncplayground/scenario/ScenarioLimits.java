package dev.asyncplayground.scenario;

import java.time.Duration;

/** The bounds the scenario language enforces so that no text can hang or exhaust the server. */
public final class ScenarioLimits {

    /** Longest scenario text accepted, in UTF-8 bytes (64 KiB). */
    public static final int MAX_TEXT_BYTES = 64 * 1024;

    /** Diagnostics reported for one text; one more line says how many were left out. */
    public static final int MAX_DIAGNOSTICS = 50;

    /** How deeply indented blocks may nest. */
    public static final int MAX_BLOCK_DEPTH = 16;

    /** How deeply parentheses, lists and unary operators may nest inside one expression. */
    public static final int MAX_EXPRESSION_DEPTH = 32;

    /** Binary and unary operators allowed in one expression. */
    public static final int MAX_OPERATORS = 100;

    /** Longest name (param, shared value, loop variable), in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Longest string literal, in characters between the quotes. */
    public static final int MAX_STRING_LENGTH = 1000;

    /** Most items in a list literal (the same as a list parameter accepts). */
    public static final int MAX_LIST_ITEMS = 1000;

    /** Most steps in an expanded program, counting the steps inside lock and timeout blocks. */
    public static final int MAX_STEPS = 1_000_000;

    /** Most units of work one expansion may take: loop rounds, statements and operations. */
    public static final long MAX_WORK = 10_000_000;

    /** Most characters of interpolated text (names, labels, printed lines) one expansion may build. */
    public static final long MAX_TEXT = 10_000_000;

    /** Longest duration a step, a timeout or a duration parameter may have. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    private ScenarioLimits() {
    }
}
