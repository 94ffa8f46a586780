package dev.asyncplayground.web;

import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.engine.ServerBusyException;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.scenario.InvalidParameterException;
import dev.asyncplayground.scenario.InvalidScenarioException;
import dev.asyncplayground.scenario.LimitExceededException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires every page, API route, stream and error handler of the app in one place. */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    private static final int ACCEPT_QUEUE = 4096;

    private App() {
    }

    /** Creates the app, not yet started; {@code start(0)} picks a free port (tests do that). */
    public static Javalin create(Catalogue catalogue, RunRegistry runs) {
        return create(catalogue, runs, DEFAULT_HEARTBEAT);
    }

    /** Like {@link #create(Catalogue, RunRegistry)}, with the SSE heartbeat interval given. */
    public static Javalin create(Catalogue catalogue, RunRegistry runs, Duration heartbeat) {
        RunLauncher launcher = new RunLauncher(runs);
        RunApi runApi = new RunApi(catalogue, launcher);
        ExerciseApi exerciseApi = new ExerciseApi(catalogue);
        EventStream events = new EventStream(runApi, heartbeat);
        Views views = Views.precompiled();
        Playground playground = new Playground(launcher, views);
        Pages pages = new Pages(catalogue, playground, views);
        DocsPage docs = new DocsPage(views);
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 256 * 1024;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.modifyServer(App::acceptManyAtOnce);
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });

            config.routes.get("/", pages::home);
            config.routes.get("/exercises/{id}", pages::exercise);
            config.routes.get("/new", pages::newScenario);
            config.routes.get("/docs/{name}", docs::show);
            config.routes.post("/playground/check", playground::check);
            config.routes.post("/playground/runs", playground::run);

            config.routes.get("/api/exercises", exerciseApi::list);
            config.routes.get("/api/exercises/{id}", exerciseApi::show);
            config.routes.post("/api/runs", runApi::create);
            config.routes.get("/api/runs/{id}", runApi::show);
            config.routes.delete("/api/runs/{id}", runApi::cancel);
            config.routes.get("/api/runs/{id}/events", events::handle);
            config.routes.get("/api/status", ctx -> ctx.json(status(runs, events)));

            config.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(InvalidParameterException.class, (e, ctx) -> ctx.status(400)
                    .json(Map.of("error", e.getMessage(), "parameter", e.parameter())));
            config.routes.exception(InvalidScenarioException.class, (e, ctx) -> {
                ApiException invalid = ScenarioTexts.invalid(e.diagnostics());
                ctx.status(invalid.status()).json(invalid.body());
            });
            config.routes.exception(LimitExceededException.class, (e, ctx) -> ctx.status(422)
                    .json(Map.of("error", e.getMessage(), "limit", e.limit())));
            config.routes.exception(ServerBusyException.class, (e, ctx) -> ctx.status(429)
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .json(Map.of("error", e.getMessage(), "retryAfterSeconds", e.retryAfterSeconds())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "something went wrong on the server; it has been logged"));
            });
            config.events.serverStopping(runs::close);
        });
    }

    /** What is alive right now and how much memory the kept runs and the heap take, so nothing stuck can hide. */
    private static Map<String, Object> status(RunRegistry runs, EventStream events) {
        Runtime heap = Runtime.getRuntime();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activeRuns", runs.activeRuns());
        json.put("queuedRuns", runs.queuedRuns());
        json.put("liveEngineThreads", runs.liveEngineThreads());
        json.put("openStreams", events.openStreams());
        json.put("keptRuns", runs.keptRuns());
        json.put("runStoreBytes", runs.storedBytes());
        json.put("runStoreBudgetBytes", runs.budgetBytes());
        json.put("heapUsedBytes", heap.totalMemory() - heap.freeMemory());
        json.put("heapMaxBytes", heap.maxMemory());
        return json;
    }

    /**
     * Lets {@value #ACCEPT_QUEUE} connections wait to be accepted. The JDK's default of 50 made a
     * class opening a run at the same moment wait: connections past it were retried by the
     * client a second later. Set as the server starts, before its connectors open.
     */
    private static void acceptManyAtOnce(Server server) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle starting) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof ServerConnector tcp) {
                        tcp.setAcceptQueueSize(ACCEPT_QUEUE);
                    }
                }
            }
        });
    }
}
