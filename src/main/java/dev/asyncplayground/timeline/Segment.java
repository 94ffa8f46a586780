package dev.asyncplayground.timeline;

/**
 * A stretch of one task's life spent in a single state.
 *
 * @param state   {@code queued}, {@code running}, {@code waiting}, {@code blocked} (in line for a
 *                lock) or {@code awaiting} (for other tasks)
 * @param startMs scenario milliseconds since the run started
 * @param endMs   scenario milliseconds since the run started
 * @param thread  the OS thread at the start of the segment, or empty while queued
 * @param detail  what the task was doing, e.g. {@code nap 800ms}
 */
public record Segment(String state, double startMs, double endMs, String thread, String detail) {}
