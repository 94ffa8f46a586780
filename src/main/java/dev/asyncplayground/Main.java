package dev.asyncplayground;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.web.App;
import io.javalin.util.JavalinBindException;

/** Starts Async Playground on the port in {@code PORT} (default 7070). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int port;
        Limits limits;
        try {
            port = Port.fromEnvironment(System.getenv("PORT"));
            limits = Limits.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        RunRegistry runs = new RunRegistry(limits);
        try {
            App.create(Catalogue.builtIn(), runs).start(port);
        } catch (JavalinBindException e) {
            refuse("port " + port + " is already in use; set PORT to a free port");
            return;
        }
        System.out.println("Async Playground is running: open http://localhost:" + port);
    }

    private static void refuse(String reason) {
        System.err.println("Async Playground cannot start: " + reason);
        System.exit(2);
    }
}
