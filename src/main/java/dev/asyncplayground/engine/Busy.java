package dev.asyncplayground.engine;

/**
 * Why the server has no room for a run now: its client already holds as many runs as one client
 * may, or the run would have to wait and the queue is full.
 *
 * @param message           what a learner reads, naming the limit
 * @param retryAfterSeconds an estimate, in whole seconds (at least 1), from the ideal times of the
 *                          runs going and waiting: when the client's first run should end, or when
 *                          a place in the queue should free
 */
public record Busy(String message, long retryAfterSeconds) {}
