package dev.asyncplayground.web;

import dev.asyncplayground.engine.AdmissionBudget;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import io.javalin.Javalin;
import java.time.Duration;

/** The real app on a free port, with its own run registry, for tests that talk HTTP to it. */
public final class RunningApp implements AutoCloseable {

    private final Javalin app;

    private RunningApp(Javalin app) {
        this.app = app;
    }

    /** Starts the app with the built-in catalogue and default limits. */
    public static RunningApp start() {
        return start(Limits.defaults());
    }

    /** Starts the app with the built-in catalogue and the given limits. */
    public static RunningApp start(Limits limits) {
        return start(limits, Duration.ofSeconds(10));
    }

    /** Starts the app with the built-in catalogue, the given limits and SSE heartbeat interval. */
    public static RunningApp start(Limits limits, Duration heartbeat) {
        return start(limits, AdmissionBudget.DEFAULTS, heartbeat);
    }

    /** Starts the app with the given limits and admission budget, on 127.0.0.1. */
    public static RunningApp start(Limits limits, AdmissionBudget budget, Duration heartbeat) {
        return new RunningApp(App.create(Catalogue.builtIn(), new RunRegistry(limits, budget), heartbeat)
                .start("127.0.0.1", 0));
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /**
     * Starts the app with the built-in catalogue, the given limits, SSE heartbeat interval and the
     * time a page's run may go unwatched before it is cancelled.
     */
    public static RunningApp start(Limits limits, Duration heartbeat, Duration grace) {
        return new RunningApp(App.create(Catalogue.builtIn(), new RunRegistry(limits, AdmissionBudget.DEFAULTS),
                heartbeat, grace).start("127.0.0.1", 0));
    }

    /** Starts the app with default limits and a run store of {@code storeBytes}. */
    public static RunningApp withStore(long storeBytes) {
        return new RunningApp(App.create(Catalogue.builtIn(), new RunRegistry(Limits.defaults(), storeBytes),
                Duration.ofSeconds(10)).start("127.0.0.1", 0));
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
