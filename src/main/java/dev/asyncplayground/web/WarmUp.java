package dev.asyncplayground.web;

import dev.asyncplayground.engine.AdmissionBudget;
import dev.asyncplayground.engine.CompilerQueue;
import dev.asyncplayground.engine.CpuClock;
import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import com.sun.management.OperatingSystemMXBean;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the hot paths, many times over, before the server opens its port, so that a user's first
 * run is as true as the hundredth.
 *
 * <p>A cold JVM interprets the code and compiles it while the first runs go, on the same cores:
 * the first counting run came out 19 ms late where later ones were 1-2 ms late, and the compiler
 * threads took CPU from the first CPU runs. This starts a throwaway copy of the app on a free
 * loopback port with a registry of its own (nothing shows in the real app), and sends it what a
 * learner's first visit sends: pages, a script, the catalogue, an editor check, a refused run,
 * then a small run in every mode (waits, a CPU burn, a lock, an update, prints), each followed
 * live through its event stream from the moment it is posted, as the page follows it (so the run's
 * broadcast writes to it, not only the replay), and read back as JSON. Each task burns 15 ms,
 * enough for the JIT to compile the burner's loop, which the first CPU run would otherwise compile
 * while it is timed. Then it practises three exercises, 56 short runs through the API and the form
 * ({@link Practice}): one run per mode leaves most paths interpreted. The CPU clock is then read
 * ten thousand times (a burn reads it every 10 ms). Last, it waits until the JIT has compiled what
 * it was given ({@link CompilerQueue}): compiling goes on in the background, and a big compile
 * left over took a core from the first run. Without the practice it took 1.1-1.4 s on the quiet
 * 2-core VM of docs/benchmarks.md and 2.0-2.9 s on a slower one; the practice adds about 1.5 s
 * there (3.5-4.6 s), and {@code chess-simul}'s pass about 0.7 s more (5.0-5.4 s where it had been
 * 4.3-4.5 s), while the real app is being set up.
 * {@code WARM_UP=off} skips it.
 */
public final class WarmUp {

    private static final String SCENARIO = """
            shared total = 0
            for t in 1..3:
              task "t{t}":
                wait 1ms "read"
                cpu 15ms "compute"
                lock "total":
                  update total by 1 thinking 1ms
                print "t{t} done"
            """;
    /** Enough readings for the JIT to compile the clock fully (its threshold is about 5,000 calls). */
    private static final int CLOCK_READINGS = 10_000;
    /** The longest the warm-up waits for the JIT to finish what it gave it. */
    private static final Duration COMPILER_WAIT = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** What the warm-up did: how long it took, and in how many modes it followed a run to its end. */
    public record Result(Duration took, int modesFollowed) {

        /** True if a run was followed to its end in every mode. */
        public boolean complete() {
            return modesFollowed == Mode.values().length;
        }
    }

    private WarmUp() {
    }

    /** True unless the environment says {@code WARM_UP=off}. */
    public static boolean wanted(Map<String, String> env) {
        return !"off".equalsIgnoreCase(env.getOrDefault("WARM_UP", "").strip());
    }

    /** CPU time this process has used so far, or 0 where the platform does not say. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** Warms up and says how long it took and what it followed. */
    public static Result run(Catalogue catalogue) throws InterruptedException {
        long start = System.nanoTime();
        int followed = followRuns(catalogue);
        CpuClock.warmUp(CLOCK_READINGS);
        CompilerQueue.awaitCalm(COMPILER_WAIT);
        return new Result(Duration.ofNanos(System.nanoTime() - start), followed);
    }

    /** Visits a throwaway copy of the app as a learner would; returns in how many modes it followed a run. */
    private static int followRuns(Catalogue catalogue) throws InterruptedException {
        try (RunRegistry registry = throwawayRegistry()) {
            Javalin app = App.create(catalogue, registry, HEARTBEAT).start("127.0.0.1", 0);
            int followed = 0;
            try {
                visit(app.port(), catalogue);
                followed = runEveryMode(app.port());
                Practice.rounds(app.port(), catalogue);
            } finally {
                app.stop();
            }
            return followed;
        }
    }

    /**
     * The throwaway app's registry: room for the practice's runs, all from one client (the warm-up's
     * loopback address) and several at once. Nobody times its runs, so a CPU run starts the moment
     * its turn comes rather than after the server's settle, and each goes at the speed asked: the
     * practice's chess simul moves in 0.1 ms, which a timed run would slow down.
     */
    static RunRegistry throwawayRegistry() {
        return RunRegistry.forRunsNobodyTimes(Limits.defaults().withRuns(8, 16),
                AdmissionBudget.DEFAULTS.withRunsPerClient(64));
    }

    private static void visit(int port, Catalogue catalogue) {
        LocalRequest.get(port, "/");
        LocalRequest.get(port, "/exercises/" + catalogue.ids().getFirst());
        LocalRequest.get(port, "/static/app.js");
        LocalRequest.get(port, "/api/exercises");
        LocalRequest.post(port, "/playground/check", "application/x-www-form-urlencoded",
                "source=" + URLEncoder.encode(SCENARIO, StandardCharsets.UTF_8));
        LocalRequest.post(port, "/api/runs", "application/json", "{\"scenario\": \"task oops\", \"mode\": \"x\"}");
    }

    /** Runs the scenario once in each mode; returns in how many it saw {@code done} and a finished run. */
    private static int runEveryMode(int port) {
        int followed = 0;
        for (Mode mode : Mode.values()) {
            String body = Json.write(Map.of("scenario", SCENARIO, "mode", mode.id()));
            followed += Practice.postAndFollow(port, body) ? 1 : 0;
        }
        return followed;
    }
}
