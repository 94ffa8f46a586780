package dev.asyncplayground;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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

    /**
     * Holds {@code port} until the app listens on it, so that nothing started meanwhile is handed
     * it: the warm-up's own server and connections take ports the system picks, from the range
     * that tests and benchmarks pick the app's port from (starts there failed with "port in use").
     *
     * @throws IOException when another program holds the port
     */
    static ServerSocket hold(int port) throws IOException {
        ServerSocket held = new ServerSocket();
        try {
            held.setReuseAddress(true);
            held.bind(new InetSocketAddress(port));
            return held;
        } catch (IOException taken) {
            held.close();
            throw taken;
        }
    }
}
