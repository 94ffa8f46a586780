package dev.asyncplayground.bench;

import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic without HTTP: N virtual threads read a run's event log the way the SSE handler
 * does ({@link EventLog#awaitSince}) and note when each event reached them.
 *
 * <p>Comparing its latencies with those seen over SSE separates the cost of waking the readers
 * from the cost of JSON, Jetty, the socket and the HTTP client.
 */
final class LogReaders {

    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private LogReaders() {
    }

    /** Runs the program once per reader count and tabulates the latencies the readers saw. */
    static Table table(RunRegistry registry, Program program, List<Integer> readerCounts) throws InterruptedException {
        Table table = new Table("log readers", "samples", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
        for (int readers : readerCounts) {
            Run run = registry.start(program, RunOptions.of(Mode.VIRTUAL_THREADS, 1));
            double[] sorted = Stats.sorted(latenciesMs(run, RunClock.startOf(run, Duration.ofSeconds(10)), readers));
            table.row(readers, sorted.length, Stats.f(Stats.percentile(sorted, 50), 2),
                    Stats.f(Stats.percentile(sorted, 90), 2), Stats.f(Stats.percentile(sorted, 99), 2),
                    Stats.f(Stats.percentile(sorted, 99.9), 2), Stats.f(Stats.max(sorted), 2));
        }
        return table;
    }

    /**
     * Reads the run's events with {@code readers} threads until its log closes; returns the
     * latency in ms, per reader, of every event stamped after all readers were started.
     */
    static double[] latenciesMs(Run run, RunClock.Start start, int readers) throws InterruptedException {
        double[][] perReader = new double[readers][];
        CountDownLatch done = new CountDownLatch(readers);
        long[] fromNanos = {Long.MAX_VALUE};
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < readers; i++) {
            int reader = i;
            Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                    perReader[reader] = read(run, start, fromNanos[0]);
                } catch (InterruptedException stopped) {
                    perReader[reader] = new double[0];
                } finally {
                    done.countDown();
                }
            });
        }
        fromNanos[0] = System.nanoTime() - start.nanos();
        go.countDown();
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("log readers did not finish");
        }
        return Arrays.stream(perReader).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] read(Run run, RunClock.Start start, long fromNanos) throws InterruptedException {
        double[] latencies = new double[64];
        int size = 0;
        long seq = 0;
        while (true) {
            EventLog.Batch batch = run.log().awaitSince(seq, HEARTBEAT);
            long now = System.nanoTime();
            for (TimelineEvent event : batch.events()) {
                if (event.atNanos() >= fromNanos) {
                    if (size == latencies.length) {
                        latencies = Arrays.copyOf(latencies, size * 2);
                    }
                    latencies[size++] = (now - start.nanos() - event.atNanos()) / 1e6;
                }
            }
            seq = batch.lastSeq();
            if (batch.complete()) {
                return Arrays.copyOf(latencies, size);
            }
        }
    }
}
