package dev.asyncplayground;

import dev.asyncplayground.engine.AdmissionBudget;
import dev.asyncplayground.engine.CarrierPool;
import dev.asyncplayground.engine.Carriers;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.engine.StoreBudget;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.web.App;
import dev.asyncplayground.web.WarmUp;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Starts Async Playground on the port in {@code PORT} (default 7070). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Carriers.spareOneForTheServer();
        Optional<String> sharedCarriers = CarrierPool.missing();
        int port;
        Limits limits;
        AdmissionBudget budget;
        long storeBytes;
        try {
            port = Port.fromEnvironment(System.getenv("PORT"));
            limits = Limits.fromEnvironment(System.getenv());
            budget = AdmissionBudget.fromEnvironment(System.getenv());
            storeBytes = StoreBudget.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        ServerSocket held;
        try {
            held = Port.hold(port);
        } catch (IOException taken) {
            refuse(inUse(port));
            return;
        }
        Catalogue catalogue = Catalogue.builtIn();
        boolean warm = WarmUp.wanted(System.getenv());
        long cpuBefore = WarmUp.processCpuNanos();
        FutureTask<WarmUp.Result> warmUp = new FutureTask<>(
                () -> warm ? WarmUp.run(catalogue) : new WarmUp.Result(Duration.ZERO, 0));
        Thread.ofPlatform().name("warm-up").start(warmUp);
        Javalin app = App.create(catalogue, new RunRegistry(limits, budget, storeBytes));
        WarmUp.Result warmed = waitFor(warmUp);
        try {
            held.close();
            app.start(port);
        } catch (IOException | JavalinBindException e) {
            refuse(inUse(port));
            return;
        }
        long cpuMs = (WarmUp.processCpuNanos() - cpuBefore) / 1_000_000;
        if (warm && !warmed.complete()) {
            System.out.println("The warm-up followed a run to its end in only " + warmed.modesFollowed() + " of "
                    + Mode.values().length + " modes; the first runs may come out slower than later ones.");
        }
        System.out.println(warm ? "Warmed up in " + warmed.took().toMillis() + " ms; start-up used " + cpuMs
                + " ms of CPU (WARM_UP=off skips the warm-up)." : "Not warmed up (WARM_UP=off); start-up used " + cpuMs
                + " ms of CPU.");
        sharedCarriers.ifPresent(warning -> System.out.println("Note: " + warning));
        System.out.println("Async Playground is running: open http://localhost:" + port);
    }

    private static String inUse(int port) {
        return "port " + port + " is already in use; set PORT to a free port";
    }

    private static void refuse(String reason) {
        System.err.println("Async Playground cannot start: " + reason);
        System.exit(2);
    }

    private static WarmUp.Result waitFor(FutureTask<WarmUp.Result> warmUp) {
        try {
            return warmUp.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the warm-up failed", e);
        }
    }
}
