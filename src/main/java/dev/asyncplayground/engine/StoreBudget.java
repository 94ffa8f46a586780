package dev.asyncplayground.engine;

import java.util.Map;

/**
 * How many bytes of heap the finished runs kept for viewing may take ({@code RUN_STORE_MB}).
 *
 * <p>By default a quarter of the JVM's maximum heap: the rest is for the runs going on, the
 * requests being answered and the server itself.
 */
public final class StoreBudget {

    static final String VARIABLE = "RUN_STORE_MB";
    private static final long MB = 1 << 20;
    private static final long MAX_MB = 1 << 20;

    private StoreBudget() {
    }

    /** A quarter of the maximum heap. */
    public static long byDefault() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * Reads the budget from {@code RUN_STORE_MB}; unset or blank keeps the default.
     *
     * @throws IllegalArgumentException naming the variable when the value is not a whole number of
     *                                  megabytes from 1 to 1048576
     */
    public static long fromEnvironment(Map<String, String> env) {
        String text = env.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return byDefault();
        }
        try {
            long value = Long.parseLong(text.strip().replace("_", ""));
            if (value >= 1 && value <= MAX_MB) {
                return value * MB;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException(VARIABLE + " must be a whole number of megabytes from 1 to " + MAX_MB
                + ", got '" + text + "'");
    }
}
