package dev.asyncplayground.bench;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelineSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * N tasks that each wait 1 s, under {@code virtual-threads}, started through {@link RunRegistry#start}
 * as the app starts them, so the whole timeline is recorded.
 *
 * <p>Each size runs {@value #REPEATS} times (1,000,000 once), each time in a fresh registry after a
 * collection, preceded by the same number of plain virtual threads as a yardstick; a warm-up run of
 * 10,000 tasks comes first and is not reported. Times are real milliseconds on {@link System#nanoTime()}.
 */
final class ScaleBench {

    /** Where the bar of PRODUCT.md section 7 applies, and the bar. */
    static final int BAR_TASKS = 100_000;
    static final double BAR_MS = 1_500;
    /** Runs per size below 1,000,000 tasks (1,000,000 runs once). */
    static final int REPEATS = 3;
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    private final PrintStream out;
    private final List<Integer> sizes;

    ScaleBench(PrintStream out, List<Integer> sizes) {
        this.out = out;
        this.sizes = sizes;
    }

    /** One size's figures. */
    private record Result(int tasks, ScaleProgram program, long startCallNanos, long launchNanos, long engineNanos,
                          long allDoneNanos, long finalNanos, long summaryNanos, int events, long doneTasks,
                          MemorySampler.Figures memory) {}

    /** Runs every size and prints three tables; returns true if the bar size (if run) met the bar. */
    boolean run() throws InterruptedException {
        Limits limits = new Limits(Limits.MAX_TASKS_CEILING, Duration.ofSeconds(60), 10_000, 1, 0,
                Duration.ofSeconds(5));
        raw(10_000);
        measure(10_000, limits);
        Table times = new Table("tasks", "program", "build ms", "start() ms", "launch ms", "engine elapsed ms",
                "start() -> all done ms", "start() -> summary ms", "summary again ms", "tasks done");
        Table memory = new Table("tasks", "events", "peak heap MiB", "peak RSS MiB", "GCs", "GC ms");
        String verdict = "not run";
        Table yardstick = new Table("tasks", "raw launch ms", "raw all done ms", "engine all done ms",
                "engine adds ms");
        boolean met = true;
        for (int tasks : sizes) {
            int repeats = tasks >= 1_000_000 ? 1 : REPEATS;
            double[] allDoneMs = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                String label = tasks + " #" + (i + 1);
                RawThreads.Figures raw = raw(tasks);
                Result r;
                try {
                    r = measure(tasks, limits);
                } catch (OutOfMemoryError full) {
                    out.println("OUT OF MEMORY at " + tasks + " tasks (max heap "
                            + Stats.mib(Runtime.getRuntime().maxMemory())
                            + " MiB): raise it with -Dbench.heap=..., see docs/benchmarks.md");
                    return met && tasks != BAR_TASKS;
                }
                allDoneMs[i] = r.doneTasks() == tasks ? r.allDoneNanos() / 1e6 : Double.POSITIVE_INFINITY;
                times.row(label, r.program().via(), Stats.ms(r.program().buildNanos()), Stats.ms(r.startCallNanos()),
                        Stats.ms(r.launchNanos()), Stats.ms(r.engineNanos()), Stats.ms(r.allDoneNanos()),
                        Stats.ms(r.finalNanos()), Stats.ms(r.summaryNanos()), r.doneTasks());
                memory.row(label, r.events(), Stats.mib(r.memory().peakHeapBytes()),
                        Stats.mib(r.memory().peakRssBytes()), r.memory().collections(),
                        r.memory().collectionMillis());
                yardstick.row(label, Stats.ms(raw.launchNanos()), Stats.ms(raw.allDoneNanos()),
                        Stats.ms(r.allDoneNanos()), Stats.ms(r.allDoneNanos() - raw.allDoneNanos()));
            }
            if (tasks == BAR_TASKS) {
                met = Stats.median(allDoneMs) <= BAR_MS;
                verdict = String.format(Locale.ROOT,
                        "%d tasks: start() -> all done min %.1f / median %.1f / max %.1f ms", tasks,
                        Stats.min(allDoneMs), Stats.median(allDoneMs), Stats.max(allDoneMs));
            }
        }
        times.print(out);
        out.println();
        memory.print(out);
        out.println();
        yardstick.print(out);
        out.println("""
                build: scenario text -> Program; start(): RunRegistry.start (ideal simulation, limit checks, \
                admission); launch: run start -> last task-started event; engine elapsed: run start -> last \
                task-ended (the run's elapsedMs); all done: start() call -> last task-ended; summary: start() \
                call -> status final (summary computed, threads joined); summary again: TimelineSummary.of over \
                the whole log. Peak heap sampled every 10 ms; RSS = whole JVM. raw: plain virtual threads that \
                sleep 1 s, no engine, nothing recorded (first start -> all joined).""");
        out.println("bar: " + BAR_TASKS + " tasks x 1 s, start() -> all done <= " + Stats.f(BAR_MS, 0)
                + " ms (judged on the median); " + verdict);
        return met;
    }

    private static RawThreads.Figures raw(int tasks) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return RawThreads.measure(tasks);
    }

    private Result measure(int tasks, Limits limits) throws InterruptedException {
        ScaleProgram program = ScaleProgram.of(tasks, limits.maxTasks());
        try (RunRegistry registry = new RunRegistry(limits)) {
            System.gc();
            Thread.sleep(200);
            MemorySampler sampler = new MemorySampler();
            sampler.start();
            long before = System.nanoTime();
            Run run = registry.start(program.program(), RunOptions.of(Mode.VIRTUAL_THREADS, 1));
            long returned = System.nanoTime();
            RunClock.Start start = RunClock.startOf(run, MAX_WAIT);
            RunClock.awaitEnd(run, MAX_WAIT);
            long ended = System.nanoTime();
            MemorySampler.Figures memory = sampler.stop();
            List<TimelineEvent> events = run.log().snapshot();
            long lastStarted = 0;
            long lastEnded = 0;
            long done = 0;
            for (TimelineEvent event : events) {
                if (event instanceof TimelineEvent.TaskStarted) {
                    lastStarted = Math.max(lastStarted, event.atNanos());
                } else if (event instanceof TimelineEvent.TaskEnded end) {
                    lastEnded = Math.max(lastEnded, end.atNanos());
                    done += end.outcome() == TaskOutcome.DONE ? 1 : 0;
                }
            }
            long summaryStart = System.nanoTime();
            TimelineSummary.of(events, 1, run.log().elapsedNanos());
            long summaryNanos = System.nanoTime() - summaryStart;
            long engine = Math.round(run.summary().elapsedMs() * 1e6);
            return new Result(tasks, program, returned - before, lastStarted, engine,
                    start.nanos() + lastEnded - before, ended - before, summaryNanos, events.size(), done, memory);
        }
    }
}
