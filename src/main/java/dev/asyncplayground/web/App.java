package dev.asyncplayground.web;

import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.io.EofException;
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
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final int ACCEPT_QUEUE = 4096;

    private App() {
    }

    /** Creates the app, not yet started; {@code start(0)} picks a free port (tests do that). */
    public static Javalin create(Catalogue catalogue, RunRegistry runs) {
        return create(catalogue, runs, DEFAULT_HEARTBEAT);
    }

    /** Like {@link #create(Catalogue, RunRegistry)}, with the SSE heartbeat interval given. */
    public static Javalin create(Catalogue catalogue, RunRegistry runs, Duration heartbeat) {
        return create(catalogue, runs, heartbeat, DEFAULT_GRACE);
    }

    /**
     * Like {@link #create(Catalogue, RunRegistry, Duration)}, with the time a run started from the
     * page may go unwatched (its tab closed) before it is cancelled.
     */
    public static Javalin create(Catalogue catalogue, RunRegistry runs, Duration heartbeat, Duration grace) {
        RunLauncher launcher = new RunLauncher(runs);
        Views views = Views.precompiled();
        ErrorReplies errors = new ErrorReplies(views);
        RunApi runApi = new RunApi(catalogue, launcher, errors);
        ExportApi exportApi = new ExportApi(catalogue, launcher, errors);
        ExerciseApi exerciseApi = new ExerciseApi(catalogue);
        AbandonedRuns abandoned = new AbandonedRuns(grace);
        EventStream events = new EventStream(runApi, heartbeat, abandoned);
        Playground playground = new Playground(catalogue, launcher, views, abandoned);
        Pages pages = new Pages(catalogue, playground, views);
        DocsPage docs = new DocsPage(views);
        Favicon favicon = Favicon.load();
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            // ctx.json writes with the one mapper, whose serializers the warm-up built, not one per app
            config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = RequestGuard.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.modifyServer(App::acceptManyAtOnce);
            config.jetty.modifyServer(SecurityHeaders::onServerErrors);
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            RoutesConfig routes = config.routes;

            routes.before(SecurityHeaders::apply);
            routes.before(RequestGuard::checkSize);
            routes.beforeMatched(RequestGuard::checkBody);

            readable(routes, "/", pages::home);
            readable(routes, "/exercises/{id}", pages::exercise);
            readable(routes, "/new", pages::newScenario);
            readable(routes, "/docs/{name}", docs::show);
            readable(routes, "/favicon.ico", favicon::serve);
            routes.post("/playground/check", playground::check);
            routes.post("/playground/runs", playground::run);
            routes.post("/playground/export", playground::export);

            readable(routes, "/api/exercises", exerciseApi::list);
            readable(routes, "/api/exercises/{id}", exerciseApi::show);
            routes.post("/api/runs", runApi::create);
            readable(routes, "/api/runs/{id}", runApi::show);
            routes.delete("/api/runs/{id}", runApi::cancel);
            routes.get("/api/runs/{id}/events", events::handle);
            routes.head("/api/runs/{id}/events", events::head);
            routes.post("/api/export", exportApi::export);
            readable(routes, "/api/status", ctx -> ctx.json(status(runs, events)));

            answerErrors(routes, errors);
            config.events.serverStopping(runs::close);
            config.events.serverStopping(abandoned::close);
            config.events.serverStopping(events::close);
        });
    }

    /** Turns every exception a request can end in into an error reply: JSON under /api/, a page elsewhere. */
    private static void answerErrors(RoutesConfig routes, ErrorReplies errors) {
        routes.exception(ApiException.class, (e, ctx) -> errors.send(ctx, e.status(), e.body()));
        routes.exception(HttpResponseException.class, (e, ctx) -> HttpRefusals.send(errors, ctx, e));
        routes.exception(EofException.class, (e, ctx) -> {
            LOG.info("{} {}: the request body ended early ({})", ctx.method(), ctx.path(), e.getMessage());
            errors.send(ctx, 400, "the request body ended before its Content-Length");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            errors.send(ctx, 500, "something went wrong on the server; it has been logged");
        });
    }

    /** Registers a GET route and a HEAD route that answers the same status and headers without the body. */
    private static void readable(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** What is alive right now and how much memory the kept runs and the heap take, so nothing stuck can hide. */
    private static Map<String, Object> status(RunRegistry runs, EventStream events) {
        Runtime heap = Runtime.getRuntime();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activeRuns", runs.activeRuns());
        json.put("queuedRuns", runs.queuedRuns());
        json.put("liveEngineThreads", runs.liveEngineThreads());
        json.put("openStreams", events.openStreams());
        json.put("broadcastingRuns", events.broadcastingRuns());
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
