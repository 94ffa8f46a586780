package dev.asyncplayground.bench;

import dev.asyncplayground.engine.FidelityBar;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.exercise.Catalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh server's first run: each case starts the app in a JVM of its own ({@code java
 * @.mvn/jvm.config -cp ... dev.asyncplayground.Main}: the JVM options the README's start command
 * gets, as a user does), with and without the warm-up, waits for its
 * first page, posts one run and reads its elapsed and ideal. Nothing ran in that JVM before.
 *
 * <p>With {@code exercises}, the cases are instead every built-in exercise at its defaults, and
 * {@code cpu-vs-io} with {@code kind=cpu} at its defaults, in every mode, warmed up only, once each:
 * the first run a learner who opens any exercise and presses Run gets.
 */
final class FirstRunBench {

    static final int REPEATS = 2;
    /** The app's JVM options, which the README's start command gets too; the bench runs in the project folder. */
    private static final Path APP_OPTIONS = Path.of(".mvn", "jvm.config").toAbsolutePath();
    private static final Duration MAX_RUN = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    /** One first run: a label and the POST body. */
    private record Case(String label, Map<String, Object> body) {}

    /** Every mode, on a counting run that only waits and on a run that only computes. */
    private static final List<Case> CASES = Arrays.stream(Mode.values())
            .flatMap(mode -> Stream.of(counting(mode), cpu(mode))).toList();

    /** Every built-in exercise at its defaults, and cpu-vs-io computing, in every mode. */
    private static List<Case> everyExercise() {
        Stream<Case> atDefaults = Catalogue.builtIn().ids().stream().flatMap(id -> inEveryMode(id, Map.of()));
        return Stream.concat(atDefaults, inEveryMode("cpu-vs-io", Map.of("kind", "cpu"))).toList();
    }

    /** The exercise with these parameters in each mode, labelled with the parameters it sets, if any. */
    private static Stream<Case> inEveryMode(String exercise, Map<String, Object> params) {
        return Arrays.stream(Mode.values()).map(mode -> new Case(
                exercise + (params.isEmpty() ? "" : " " + params) + " " + mode.id(),
                Map.of("exercise", exercise, "mode", mode.id(), "params", params)));
    }

    private static Case counting(Mode mode) {
        return new Case("counting " + mode.id(), Map.of("exercise", "counting", "mode", mode.id(),
                "params", Map.of("unit", "100ms")));
    }

    private static Case cpu(Mode mode) {
        Map<String, Object> body = new HashMap<>(Map.of("exercise", "cpu-vs-io", "mode", mode.id(),
                "params", Map.of("kind", "cpu", "tasks", 4, "duration", "250ms")));
        if (mode == Mode.PLATFORM_THREADS) {
            body.put("threads", 2);
        }
        return new Case("cpu 4x250ms " + mode.id() + (mode == Mode.PLATFORM_THREADS ? " 2" : ""), body);
    }

    private final PrintStream out;
    private final List<Case> cases;
    private final List<Boolean> warmUps;
    private final int repeats;
    private final boolean acceptCoresGiven;

    /** The counting and CPU cases, with and without the warm-up; or, with {@code everyExercise}, every exercise warmed up. */
    FirstRunBench(PrintStream out, boolean everyExercise) {
        this.out = out;
        this.cases = everyExercise ? everyExercise() : CASES;
        this.warmUps = everyExercise ? List.of(true) : List.of(false, true);
        this.repeats = everyExercise ? 1 : REPEATS;
        this.acceptCoresGiven = everyExercise;
    }

    /**
     * Prints one row per case, warm-up and repeat; true if every warmed-up first run met the bar:
     * the plain bar for the counting and CPU cases (issue 11's goal on a quiet machine), or, for every
     * exercise, the bar against the ideal for the cores the machine gave (PRODUCT.md section 7).
     */
    boolean run() throws IOException, InterruptedException {
        Table table = new Table("first run", "warm-up", "#", "first page ms", "warm-up ms, start-up CPU ms", "ideal ms",
                "measured ms", "over ms", "over real ms", "cores given", "ideal for cores ms", "meets bar");
        boolean met = true;
        for (Case c : cases) {
            for (boolean warm : warmUps) {
                for (int i = 1; i <= repeats; i++) {
                    met &= measure(c, warm, i, table) || !warm;
                }
            }
        }
        table.print(out);
        out.println("first page: from starting the JVM to the first answer of GET /; ms are scenario ms (real ms x"
                + " speed), 'over real ms' divides by the speed; bar: measured <= ideal x 1.02 + 10 ms, or, marked"
                + " 'for cores given', the same against idealForCoresGivenMs for a run the machine gave fewer cores;"
                + " only the warmed-up rows count for the verdict, " + (acceptCoresGiven
                ? "either bar (PRODUCT.md section 7)." : "on the plain bar (issue 11, a quiet machine)."));
        return met;
    }

    private boolean measure(Case c, boolean warm, int repeat, Table table) throws IOException, InterruptedException {
        Started app = start(warm);
        try {
            ApiClient api = new ApiClient(app.port());
            ApiClient.Reply posted = api.post("127.0.0.1", "/api/runs", c.body());
            if (posted.status() != 201) {
                throw new IllegalStateException(c.label() + ": " + posted.status() + " " + posted.body());
            }
            Map<String, Object> run = api.awaitRun((String) posted.body().get("id"), MAX_RUN);
            double ideal = ApiClient.number(run, "idealMs");
            double measured = ApiClient.number(run, "elapsedMs");
            boolean done = "done".equals(run.get("status"));
            boolean onBar = done && measured <= FidelityBar.of(ideal);
            boolean forCores = done && !onBar && ApiClient.number(run, "coresGiven") < ApiClient.number(run, "coresAssumed")
                    && measured <= FidelityBar.of(ApiClient.idealForCoresGiven(run));
            table.row(c.label(), warm ? "on" : "off", repeat, Stats.f(app.firstPageNanos() / 1e6, 0),
                    warmedUp(app.log()), Stats.f(ideal, 1), Stats.f(measured, 1), Stats.f(measured - ideal, 1),
                    Stats.f((measured - ideal) / ApiClient.number(run, "speed"), 1),
                    run.containsKey("coresGiven") ? run.get("coresGiven") + " of " + run.get("coresAssumed") : "-",
                    run.containsKey("idealForCoresGivenMs") ? Stats.f(ApiClient.number(run, "idealForCoresGivenMs"), 1)
                            : "-", onBar ? "yes" : forCores ? "yes, for cores given" : "NO");
            return onBar || forCores && acceptCoresGiven;
        } finally {
            app.process().destroy();
            app.process().waitFor();
        }
    }

    /** A fresh app that has answered its first page. */
    private record Started(Process process, int port, StringBuilder log, long firstPageNanos) {}

    /**
     * Starts the app on a free port and waits for its first page. A port found free can be taken
     * before the app binds it (on the loopback, even by a connection to that very port while the app
     * is not listening yet), so a start that finds its port in use is tried again on another.
     */
    private static Started start(boolean warm) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "@" + APP_OPTIONS, "-cp", System.getProperty("java.class.path"),
                    "dev.asyncplayground.Main").redirectErrorStream(true);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("WARM_UP", warm ? "on" : "off");
            long start = System.nanoTime();
            Process app = builder.start();
            StringBuilder log = new StringBuilder();
            Thread.ofVirtual().start(() -> drain(app, log));
            long firstPage = awaitFirstPage(new ApiClient(port), app, start);
            if (firstPage >= 0) {
                return new Started(app, port, log, firstPage);
            }
            if (attempt == START_ATTEMPTS || !portTaken(log)) {
                synchronized (log) {
                    throw new IllegalStateException("the app did not start:\n" + log);
                }
            }
        }
    }

    /** Nanoseconds from the start to the first answer of GET /, or -1 if the app ended first. */
    private static long awaitFirstPage(ApiClient api, Process app, long start)
            throws InterruptedException {
        while (true) {
            if (!app.isAlive()) {
                app.waitFor();
                Thread.sleep(100);
                return -1;
            }
            try {
                if (api.get("/").status() == 200) {
                    return System.nanoTime() - start;
                }
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
    }

    private static boolean portTaken(StringBuilder log) {
        synchronized (log) {
            return log.indexOf("already in use") >= 0;
        }
    }

    private static String warmedUp(StringBuilder log) {
        synchronized (log) {
            int at = log.indexOf("Warmed up in ");
            if (at < 0 && log.indexOf("start-up used ") >= 0) {
                int used = log.indexOf("start-up used ");
                return "off, CPU " + log.substring(used + 14, log.indexOf(" ms of CPU", used));
            }
            return at < 0 ? "-" : log.substring(at + 13, log.indexOf(" ms", at)) + " ms, CPU " + log.substring(log.indexOf("used ", at) + 5, log.indexOf(" ms of CPU", at));
        }
    }

    private static void drain(Process app, StringBuilder log) {
        try (var lines = app.inputReader().lines()) {
            lines.forEach(line -> {
                synchronized (log) {
                    log.append(line).append('\n');
                }
            });
        } catch (java.io.UncheckedIOException closed) {
            // the app was stopped while its output was being read
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
