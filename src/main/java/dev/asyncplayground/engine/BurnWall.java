package dev.asyncplayground.engine;

/**
 * The wall time during which a run's cpu steps burn, counted as each one starts and stops.
 *
 * <p>Besides the wall time during which any step burnt, it adds up the core time the burning steps
 * could have used: one core per step burning, up to the machine's cores. The CPU the steps really
 * got, against that, tells other programs taking cores apart from a run whose own steps left a
 * core idle. Every time is given as input, so its tests are exact.
 */
final class BurnWall {

    private final int cores;
    private int burning;
    private int mostAtOnce;
    private long since;
    private long wallNanos;
    private long coreNanos;

    /** For a machine with {@code cores} CPUs. */
    BurnWall(int cores) {
        this.cores = cores;
    }

    /** A cpu step starts burning at {@code now} (nanoseconds). */
    synchronized void started(long now) {
        advance(now);
        burning++;
        mostAtOnce = Math.max(mostAtOnce, burning);
    }

    /** A cpu step stops burning at {@code now}. */
    synchronized void stopped(long now) {
        advance(now);
        burning--;
    }

    /** What the steps received up to {@code now}, given the {@code cpuNanos} of CPU they burnt. */
    synchronized CpuUse use(long cpuNanos, long now) {
        advance(now);
        return new CpuUse(cpuNanos, wallNanos, coreNanos, mostAtOnce, cores);
    }

    private void advance(long now) {
        if (burning > 0) {
            wallNanos += now - since;
            coreNanos += Math.min(burning, cores) * (now - since);
        }
        since = now;
    }
}
