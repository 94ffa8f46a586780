package dev.asyncplayground;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.engine.StoreBudget;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.web.App;

/** Starts Async Playground on the port in {@code PORT} (default 7070). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int port;
        Limits limits;
        long storeBytes;
        try {
            port = port(System.getenv("PORT"));
            limits = Limits.fromEnvironment(System.getenv());
            storeBytes = StoreBudget.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Async Playground cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunRegistry runs = new RunRegistry(limits, storeBytes);
        App.create(Catalogue.builtIn(), runs).start(port);
        System.out.println("Async Playground is running: open http://localhost:" + port);
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return 7070;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, got '" + value + "'", e);
        }
    }
}
