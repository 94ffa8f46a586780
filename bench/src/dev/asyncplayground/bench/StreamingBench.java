package dev.asyncplayground.bench;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.exercise.Catalogue;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.ScenarioParser;
import dev.asyncplayground.timeline.TimelineSummary;
import dev.asyncplayground.web.App;
import io.javalin.Javalin;
import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Event-to-viewer latency of the real app's SSE stream, with many viewers of one run on loopback.
 *
 * <p>The app runs in this JVM on a free port. A run prints at a steady rate ({@link #SCENARIO});
 * viewers attach during its lead-in wait. An event's server time is the run's start (see
 * {@link RunClock}) plus the event's {@code atMs}; its latency is the {@link System#nanoTime()} at
 * which its {@code data:} line reached the viewer minus that. Only events stamped after every
 * viewer received its first message count, so replayed backlog is left out.
 */
final class StreamingBench {

    /** One ticker: 3 s lead-in, then every 100 ms a wait-ended, a printed and a wait-started event. */
    static final String SCENARIO = """
            task "ticker":
              wait 3s "viewers join"
              for k in 1..50:
                wait 100ms "tick"
                print "tick {k}"
            """;
    /** Rounds per viewer count; the verdict is on all their latencies together. */
    static final int REPEATS = 3;
    private static final int WARM_UP_VIEWERS = 50;
    private static final Duration MAX_START = Duration.ofSeconds(10);

    private final PrintStream out;
    private final List<Integer> viewerCounts;

    StreamingBench(PrintStream out, List<Integer> viewerCounts) {
        this.out = out;
        this.viewerCounts = viewerCounts;
    }

    /** Latency figures of one round, in milliseconds, and the collections during it. */
    private record Round(int viewers, long joinNanos, int liveEvents, double[] latenciesMs, long missing,
                         long clockUncertaintyNanos, MemorySampler.Figures memory, double cpuPercent) {}

    /**
     * Runs a warm-up round, then {@value #REPEATS} rounds per viewer count, then the same counts as
     * plain log readers without HTTP ({@link LogReaders}); prints two tables; true if every bar was met.
     * A count of 1 is a yardstick with no bar; up to 100 the 100-viewer bar applies, above it the
     * 1,000-viewer bar.
     */
    boolean run() throws InterruptedException {
        Limits limits = Limits.defaults().withRuns(8, 8);
        Program program = ScenarioParser.parse(SCENARIO).scenario().instantiate(Map.of(), limits.maxTasks());
        RunRegistry registry = new RunRegistry(limits);
        Javalin app = App.create(Catalogue.builtIn(), registry).start("127.0.0.1", 0);
        int port = app.port();
        Table table = new Table("viewers", "join ms", "live events", "samples", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "missing", "JVM CPU %", "GCs", "GC ms", "meets bar");
        Table direct;
        boolean met = true;
        long uncertainty = 0;
        try {
            round(registry, port, program, WARM_UP_VIEWERS);
            for (int viewers : viewerCounts) {
                List<double[]> pooled = new ArrayList<>();
                long missing = 0;
                for (int i = 1; i <= REPEATS; i++) {
                    Round r = round(registry, port, program, viewers);
                    uncertainty = Math.max(uncertainty, r.clockUncertaintyNanos());
                    pooled.add(r.latenciesMs());
                    missing += r.missing();
                    row(table, viewers + " #" + i, r.joinNanos(), r.liveEvents(), r.latenciesMs(), r.missing(),
                            Stats.f(r.cpuPercent(), 0), r.memory().collections(), r.memory().collectionMillis(), "");
                }
                double[] all = pooled.stream().flatMapToDouble(Arrays::stream).toArray();
                double bar = barFor(viewers);
                boolean ok = !(Stats.percentile(Stats.sorted(all), 99) > bar) && missing == 0;
                met &= ok;
                row(table, viewers + " all", -1, -1, all, missing, "", -1, -1,
                        Double.isNaN(bar) ? "-" : ok ? "yes" : "NO");
            }
            direct = LogReaders.table(registry, program, viewerCounts);
        } finally {
            app.stop();
            registry.close();
        }
        table.print(out);
        out.println("bar (p99 of the 'all' row): <= 10 ms up to 100 viewers, <= 25 ms up to 1,000; none for 1 viewer.");
        out.println("live events: events per viewer stamped after all viewers joined (about 30 per second, in 10"
                + " bursts of 3); samples = live events x viewers; missing = live events a viewer never got;"
                + " JVM CPU %: CPU used by this JVM (server and viewers) from the join to the run's end, as a share"
                + " of all processors;"
                + " GCs/GC ms: collections during the round. Run start located to +/- "
                + Stats.f(uncertainty / 1000.0, 1) + " us.");
        out.println();
        direct.print(out);
        out.println("log readers (diagnostic, no bar): virtual threads looping on EventLog.awaitSince as the SSE"
                + " handler does, without JSON, Jetty, sockets or an HTTP client.");
        return met;
    }

    /** One table row; negative counts and empty texts print as blanks. */
    private static void row(Table table, String label, long joinNanos, int liveEvents, double[] latenciesMs,
                            long missing, String cpu, long collections, long collectionMillis, String verdict) {
        double[] sorted = Stats.sorted(latenciesMs);
        table.row(label, joinNanos < 0 ? "" : Stats.ms(joinNanos), liveEvents < 0 ? "" : liveEvents, sorted.length,
                Stats.f(Stats.percentile(sorted, 50), 2), Stats.f(Stats.percentile(sorted, 90), 2),
                Stats.f(Stats.percentile(sorted, 99), 2), Stats.f(Stats.percentile(sorted, 99.9), 2),
                Stats.f(Stats.max(sorted), 2), missing, cpu, collections < 0 ? "" : collections,
                collectionMillis < 0 ? "" : collectionMillis, verdict);
    }

    private Round round(RunRegistry registry, int port, Program program, int viewers)
            throws InterruptedException {
        Run run = registry.start(program, RunOptions.of(Mode.VIRTUAL_THREADS, 1));
        RunClock.Start start = RunClock.startOf(run, MAX_START);
        MemorySampler sampler = new MemorySampler();
        sampler.start();
        long joinStart = System.nanoTime();
        List<SseViewer> all = new ArrayList<>(viewers);
        for (int i = 0; i < viewers; i++) {
            SseViewer viewer = new SseViewer();
            all.add(viewer);
            SocketViewer.start(port, "/api/runs/" + run.id() + "/events", viewer);
        }
        for (SseViewer viewer : all) {
            viewer.firstMessage().await(30, TimeUnit.SECONDS);
        }
        long joined = System.nanoTime();
        long cpuBefore = processCpuNanos();
        for (SseViewer viewer : all) {
            if (!viewer.finished().await(60, TimeUnit.SECONDS) || viewer.error() != null) {
                throw new IllegalStateException("a viewer's stream did not end cleanly: " + viewer.error());
            }
        }
        RunClock.awaitEnd(run, MAX_START);
        MemorySampler.Figures memory = sampler.stop();
        double cpuPercent = 100.0 * (processCpuNanos() - cpuBefore) / (System.nanoTime() - joined)
                / Runtime.getRuntime().availableProcessors();
        long fromMicros = (joined - start.nanos()) / 1000;
        int live = (int) run.log().snapshot().stream()
                .filter(e -> Math.round(TimelineSummary.ms(e.atNanos(), 1) * 1000) >= fromMicros).count();
        return latencies(all, start, fromMicros, live, joined - joinStart, memory, cpuPercent);
    }

    private static Round latencies(List<SseViewer> all, RunClock.Start start, long fromMicros, int live, long join,
                                   MemorySampler.Figures memory, double cpuPercent) {
        List<Double> latencies = new ArrayList<>(all.size() * Math.max(live, 1));
        long missing = 0;
        for (SseViewer viewer : all) {
            int seen = 0;
            for (int i = 0; i < viewer.size(); i++) {
                if (viewer.atMicros(i) >= fromMicros) {
                    long server = start.nanos() + viewer.atMicros(i) * 1000;
                    latencies.add((viewer.arrivedNanos(i) - server) / 1e6);
                    seen++;
                }
            }
            missing += Math.max(0, live - seen);
        }
        double[] values = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        return new Round(all.size(), join, live, values, missing, start.uncertaintyNanos(), memory, cpuPercent);
    }

    /** The p99 bar of PRODUCT.md section 7 for a number of viewers; none (NaN) for a single viewer. */
    static double barFor(int viewers) {
        return viewers <= 1 ? Double.NaN : viewers <= 100 ? 10 : 25;
    }

    /** CPU time this JVM has used so far, all threads, or 0 if the platform does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
