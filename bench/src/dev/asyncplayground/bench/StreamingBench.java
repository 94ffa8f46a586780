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
import dev.asyncplayground.web.WarmUp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event-to-viewer latency of the real app's SSE stream, with many viewers of one run on loopback.
 *
 * <p>The app runs in this JVM on a free port; the viewers run in another JVM
 * ({@link ViewerProcess}), as browsers do. A run prints at a steady rate ({@link #SCENARIO});
 * viewers attach during its lead-in wait. An event's server time is the run's start (see
 * {@link RunClock}) plus the event's {@code atMs}; its latency is the {@link System#nanoTime()} at
 * which its {@code data:} line reached the viewer minus that (both JVMs read the kernel's monotonic
 * clock). Only events stamped after every viewer received its first message count, so replayed
 * backlog is left out.
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
    private static final long MAX_CLOCK_OFFSET_NANOS = 1_000_000;

    private final PrintStream out;
    private final List<Integer> viewerCounts;

    StreamingBench(PrintStream out, List<Integer> viewerCounts) {
        this.out = out;
        this.viewerCounts = viewerCounts;
    }

    /**
     * What else went on during a round: the server JVM's collections, the CPU each process used (as
     * a share of all processors) and the longest stall of the server JVM ({@link StallMeter}).
     */
    private record Load(MemorySampler.Figures memory, double serverCpuPercent, double viewersCpuPercent,
                        double stallMs, ViewerProcess.Session viewers) {}

    /** The live event that reached its viewers latest, by their median latency, and when the run stamped it. */
    private record Slowest(double medianMs, double atMs) {}

    /** Latency figures of one round, in milliseconds, and what else went on. */
    private record Round(int viewers, long joinNanos, int liveEvents, double[] latenciesMs, long missing,
                         long clockUncertaintyNanos, Load load, Slowest slowest) {}

    /**
     * Warms the app up as it starts ({@link WarmUp}), runs a warm-up round, then {@value #REPEATS}
     * rounds per viewer count, then the same counts as plain log readers without HTTP
     * ({@link LogReaders}); prints two tables; true if every bar was met.
     * A count of 1 is a yardstick with no bar; up to 100 the 100-viewer bar applies, above it the
     * 1,000-viewer bar.
     */
    boolean run() throws InterruptedException, IOException {
        Limits limits = Limits.defaults().withRuns(8, 8);
        Program program = ScenarioParser.parse(SCENARIO).scenario().instantiate(Map.of(), limits.maxTasks());
        Catalogue catalogue = Catalogue.builtIn();
        out.println("warm-up " + WarmUp.run(catalogue).took().toMillis() + " ms");
        RunRegistry registry = new RunRegistry(limits);
        Javalin app = App.create(catalogue, registry).start("127.0.0.1", 0);
        Table table = new Table("viewers", "join ms", "live events", "samples", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "missing", "server CPU %", "viewers CPU %", "GCs", "GC ms", "viewers GCs, ms", "max stall ms", "slowest event",
                "meets bar");
        Table direct;
        boolean met = true;
        long uncertainty = 0;
        long offset;
        try (ViewerProcess viewers = ViewerProcess.start()) {
            offset = viewers.clockOffsetNanos();
            if (Math.abs(offset) > MAX_CLOCK_OFFSET_NANOS) {
                throw new IllegalStateException("the viewers' JVM reads another clock (offset " + offset
                        + " ns): latencies across processes would be meaningless on this platform");
            }
            round(registry, app.port(), program, viewers, WARM_UP_VIEWERS);
            for (int count : viewerCounts) {
                List<double[]> pooled = new ArrayList<>();
                long missing = 0;
                for (int i = 1; i <= REPEATS; i++) {
                    Round r = round(registry, app.port(), program, viewers, count);
                    uncertainty = Math.max(uncertainty, r.clockUncertaintyNanos());
                    pooled.add(r.latenciesMs());
                    missing += r.missing();
                    row(table, count + " #" + i, r, r.latenciesMs(), r.missing(), "");
                }
                double[] all = pooled.stream().flatMapToDouble(Arrays::stream).toArray();
                double bar = barFor(count);
                boolean ok = !(Stats.percentile(Stats.sorted(all), 99) > bar) && missing == 0;
                met &= ok;
                row(table, count + " all", null, all, missing, Double.isNaN(bar) ? "-" : ok ? "yes" : "NO");
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
                + " server / viewers CPU %: CPU used by each JVM from the join to the run's end, as a share of all"
                + " processors; GCs/GC ms: the server JVM's collections during the round; viewers GCs, ms: the"
                + " viewers' JVM's; max stall: the longest a thread of the server JVM sleeping 1 ms at a time woke up"
                + " late (a pause of that JVM or of the machine); slowest event: the live event whose viewers got it"
                + " latest, by their median latency, and when the run stamped it (its last events come at about 8.0 s)."
                + " Run start located to +/- " + Stats.f(uncertainty / 1000.0, 1) + " us; the viewers' clock differs"
                + " from the server's by " + Stats.f(offset / 1000.0, 1) + " us.");
        out.println();
        direct.print(out);
        out.println("log readers (diagnostic, no bar): virtual threads looping on EventLog.awaitSince as the SSE"
                + " handler does, without JSON, Jetty, sockets or an HTTP client.");
        return met;
    }

    /** One table row; a row without a round (the pooled one) leaves the round's own columns blank. */
    private static void row(Table table, String label, Round round, double[] latenciesMs, long missing,
                            String verdict) {
        double[] sorted = Stats.sorted(latenciesMs);
        Load load = round == null ? null : round.load();
        table.row(label, round == null ? "" : Stats.ms(round.joinNanos()), round == null ? "" : round.liveEvents(),
                sorted.length, Stats.f(Stats.percentile(sorted, 50), 2), Stats.f(Stats.percentile(sorted, 90), 2),
                Stats.f(Stats.percentile(sorted, 99), 2), Stats.f(Stats.percentile(sorted, 99.9), 2),
                Stats.f(Stats.max(sorted), 2), missing,
                load == null ? "" : Stats.f(load.serverCpuPercent(), 0),
                load == null ? "" : Stats.f(load.viewersCpuPercent(), 0),
                load == null ? "" : load.memory().collections(), load == null ? "" : load.memory().collectionMillis(),
                load == null ? "" : load.viewers().collections() + ", " + load.viewers().collectionMillis(),
                load == null ? "" : Stats.f(load.stallMs(), 1),
                round == null ? "" : Stats.f(round.slowest().medianMs(), 1) + " at " + Stats.f(round.slowest().atMs() / 1000, 2)
                        + " s", verdict);
    }

    private Round round(RunRegistry registry, int port, Program program, ViewerProcess viewers, int count)
            throws InterruptedException, IOException {
        Run run = registry.start(program, RunOptions.of(Mode.VIRTUAL_THREADS, 1));
        RunClock.Start start = RunClock.startOf(run, MAX_START);
        MemorySampler sampler = new MemorySampler();
        sampler.start();
        long joinStart = System.nanoTime();
        viewers.join(port, "/api/runs/" + run.id() + "/events", count);
        long joined = System.nanoTime();
        long cpuBefore = Machine.processCpuNanos();
        StallMeter stalls = StallMeter.start();
        ViewerProcess.Session session = viewers.collect();
        double stallMs = stalls.stopMs();
        if (!session.errors().isBlank()) {
            throw new IllegalStateException("viewers' streams did not end cleanly: " + session.errors());
        }
        RunClock.awaitEnd(run, MAX_START);
        MemorySampler.Figures memory = sampler.stop();
        long span = (System.nanoTime() - joined) * Runtime.getRuntime().availableProcessors();
        double serverCpu = 100.0 * (Machine.processCpuNanos() - cpuBefore) / span;
        double viewersCpu = 100.0 * session.cpuNanos() / span;
        long fromMicros = (joined - start.nanos()) / 1000;
        int live = (int) run.log().snapshot().stream()
                .filter(e -> Math.round(TimelineSummary.ms(e.atNanos(), 1) * 1000) >= fromMicros).count();
        return latencies(session.viewers(), start, fromMicros, live, joined - joinStart,
                new Load(memory, serverCpu, viewersCpu, stallMs, session));
    }

    private static Round latencies(List<ViewerProcess.Viewer> all, RunClock.Start start, long fromMicros, int live,
                                   long join, Load load) {
        List<Double> latencies = new ArrayList<>(all.size() * Math.max(live, 1));
        long missing = 0;
        for (ViewerProcess.Viewer viewer : all) {
            int seen = 0;
            for (int i = 0; i < viewer.atMicros().length; i++) {
                if (viewer.atMicros()[i] >= fromMicros) {
                    long server = start.nanos() + viewer.atMicros()[i] * 1000;
                    latencies.add((viewer.arrivedNanos()[i] - server) / 1e6);
                    seen++;
                }
            }
            missing += Math.max(0, live - seen);
        }
        double[] values = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        return new Round(all.size(), join, live, values, missing, start.uncertaintyNanos(), load, slowest(all, start, fromMicros));
    }

    /**
     * The live event whose viewers got it latest (by their median), which tells a slow burst that
     * held up every viewer (a pause, the run's start or end) from viewers scattered late.
     */
    private static Slowest slowest(List<ViewerProcess.Viewer> all, RunClock.Start start, long fromMicros) {
        Map<Long, List<Double>> byEvent = new HashMap<>();
        for (ViewerProcess.Viewer viewer : all) {
            for (int i = 0; i < viewer.atMicros().length; i++) {
                if (viewer.atMicros()[i] >= fromMicros) {
                    byEvent.computeIfAbsent(viewer.atMicros()[i], at -> new ArrayList<>())
                            .add((viewer.arrivedNanos()[i] - start.nanos() - viewer.atMicros()[i] * 1000) / 1e6);
                }
            }
        }
        Slowest slowest = new Slowest(0, 0);
        for (Map.Entry<Long, List<Double>> event : byEvent.entrySet()) {
            double median = Stats.percentile(Stats.sorted(event.getValue().stream().mapToDouble(Double::doubleValue)
                    .toArray()), 50);
            if (median > slowest.medianMs()) {
                slowest = new Slowest(median, event.getKey() / 1000.0);
            }
        }
        return slowest;
    }

    /** The p99 bar of PRODUCT.md section 7 for a number of viewers; none (NaN) for a single viewer. */
    static double barFor(int viewers) {
        return viewers <= 1 ? Double.NaN : viewers <= 100 ? 10 : 25;
    }
}
