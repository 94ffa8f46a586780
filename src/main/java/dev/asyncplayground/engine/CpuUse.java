package dev.asyncplayground.engine;

/**
 * CPU the cpu steps of a run received, in real nanoseconds.
 *
 * @param cpuNanos  CPU time they burnt
 * @param wallNanos wall time during which at least one of them was burning
 */
record CpuUse(long cpuNanos, long wallNanos) {}
