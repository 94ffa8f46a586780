package dev.asyncplayground.engine;

/**
 * CPU the cpu steps of a run received, in real nanoseconds, and the time they had to receive it.
 *
 * @param cpuNanos   CPU time they burnt
 * @param wallNanos  wall time during which at least one of them was burning
 * @param coreNanos  core time the burning steps could have used: one core per step burning, up to
 *                   {@code cores}, added up over the wall time
 * @param mostAtOnce most steps burning at one moment
 * @param cores      CPUs of the machine
 */
record CpuUse(long cpuNanos, long wallNanos, long coreNanos, int mostAtOnce, int cores) {

    /**
     * True if more steps burnt at once than there are cores, and the machine still gave them nearly
     * all the core time they could use: then any shortfall came from the OS sharing the cores among
     * them unevenly, not from other programs.
     */
    boolean sharedAmongThemselves() {
        return mostAtOnce > cores && cpuNanos >= coreNanos * CoresGiven.SHORT_BELOW;
    }
}
