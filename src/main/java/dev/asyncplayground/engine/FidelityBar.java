package dev.asyncplayground.engine;

/**
 * The fidelity bar: how long a run may take and still count as true to its ideal.
 *
 * <p>PRODUCT.md, section 7: measured elapsed at most ideal x 1.02 + 10 ms, in scenario
 * milliseconds. The benchmarks judge runs by it, and a run's note names a busy machine when the
 * cores it lost alone would put it past the bar ({@link CoresGiven}).
 */
public final class FidelityBar {

    private FidelityBar() {
    }

    /** The longest a run whose ideal is {@code idealMs} may take, in the same scenario ms. */
    public static double of(double idealMs) {
        return idealMs * 1.02 + 10;
    }
}
