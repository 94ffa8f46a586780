package dev.asyncplayground;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

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
     * Waits up to {@code patience} for {@code port} to be free to listen on. The warm-up's own
     * server and connections have just closed on the loopback, and a port the system handed out
     * to them a moment ago can take a little while to be free again; a port another program holds
     * stays taken, and the start that follows then says so.
     */
    static void awaitFree(int port, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!free(port) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
