package dev.asyncplayground;

/** Reads the port to listen on from the {@code PORT} environment variable. */
final class Port {

    static final int DEFAULT = 7070;
    static final int HIGHEST = 65_535;

    private Port() {
    }

    /**
     * The port {@code value} names, or {@value #DEFAULT} when it is unset or blank.
     *
     * @throws IllegalArgumentException naming {@code PORT} when it is not a port number
     */
    static int fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String digits = value.strip();
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > HIGHEST) {
            throw new IllegalArgumentException("PORT must be a whole number from 1 to " + HIGHEST + ", got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
        return Integer.parseInt(digits);
    }
}
