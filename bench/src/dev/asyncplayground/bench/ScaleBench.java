package dev.asyncplayground.bench;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.timeline.PageRequest;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
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
    private record Result(int tasks, String via, long buildNanos, long startCallNanos, long launchNanos, long engineNanos,
                          long allDoneNanos, long finalNanos, long summaryNanos, long events, long doneTasks,
                          MemorySampler.Figures memory, Retained retained, String ending) {}

    /** Runs every size and prints three tables; returns true if the bar size (if run) met the bar. */
    boolean run() throws InterruptedException {
        Limits limits = new Limits(Limits.MAX_TASKS_CEILING, Duration.ofSeconds(60), 10_000, 1, 0,
                Duration.ofSeconds(5));
        raw(10_000);
        measure(10_000, limits);
        Table times = new Table("tasks", "program", "build ms", "start() ms", "launch ms", "engine elapsed ms",
                "start() -> all done ms", "start() -> summary ms", "summary again ms", "tasks done");
        Table memory = new Table("tasks", "events", "peak heap MiB", "peak RSS MiB", "GCs", "GC ms",
                "log bytes/event", "kept bytes/event");
        String verdict = "not run";
        Table yardstick = new Table("tasks", "raw launch ms", "raw all done ms", "engine all done ms",
                "engine adds ms");
        boolean met = true;
        List<String> unfinished = new ArrayList<>();
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
                times.row(label, r.via(), Stats.ms(r.buildNanos()), Stats.ms(r.startCallNanos()),
                        Stats.ms(r.launchNanos()), Stats.ms(r.engineNanos()), Stats.ms(r.allDoneNanos()),
                        Stats.ms(r.finalNanos()), Stats.ms(r.summaryNanos()), r.doneTasks());
                if (r.doneTasks() < tasks) {
                    unfinished.add(label + ": " + r.doneTasks() + " of " + tasks + " tasks done; the run ended "
                            + r.ending());
                }
                memory.row(label, r.events(), Stats.mib(r.memory().peakHeapBytes()),
                        Stats.mib(r.memory().peakRssBytes()), r.memory().collections(),
                        r.memory().collectionMillis(), Stats.f(r.retained().logBytesPerEvent(), 1),
                        Stats.f(r.retained().keptBytesPerEvent(), 1));
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
        unfinished.forEach(out::println);
        out.println();
        memory.print(out);
        out.println();
        yardstick.print(out);
        out.println("""
                build: scenario text -> Program; start(): RunRegistry.start (ideal simulation, limit checks, \
                admission); launch: run start -> last task-started event; engine elapsed: run start -> last \
                task-ended (the run's elapsedMs); all done: start() call -> last task-ended; summary: start() \
                call -> status final (threads joined); summary again: the run's figures computed from its log \
                (Run.page, one pass over the columns). Peak heap sampled every 10 ms; RSS = whole JVM. log \
                bytes/event: the log's own estimate of its columns and strings (EventLog.retainedBytes); kept \
                bytes/event: heap after a full GC with the finished run kept, less the heap after a full GC \
                before its program was built, over its events (the whole run: log, task names, the run's fields). raw: plain \
                virtual threads that sleep 1 s, no engine, nothing recorded (first start -> all joined).""");
        out.println("bar: <= 24 bytes retained per timeline event (PRODUCT.md section 7, memory)");
        out.println("bar: " + BAR_TASKS + " tasks x 1 s, start() -> all done <= " + Stats.f(BAR_MS, 0)
                + " ms (judged on the median); " + verdict);
        return met;
    }

    private static RawThreads.Figures raw(int tasks) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return RawThreads.measure(tasks);
    }

    /** What a finished run keeps, per event: the log's estimate and the heap measured around it. */
    private record Retained(double logBytesPerEvent, double keptBytesPerEvent) {}

    /** A run just started, with how its program was built; the program itself is not kept here. */
    private record Started(Run run, String via, long buildNanos, long before, long returned) {}

    private static Started start(RunRegistry registry, int tasks, Limits limits, MemorySampler sampler) {
        ScaleProgram program = ScaleProgram.of(tasks, limits.maxTasks());
        sampler.start();
        long before = System.nanoTime();
        Run run = registry.start(program.program(), RunOptions.of(Mode.VIRTUAL_THREADS, 1));
        return new Started(run, program.via(), program.buildNanos(), before, System.nanoTime());
    }

    private Result measure(int tasks, Limits limits) throws InterruptedException {
        try (RunRegistry registry = new RunRegistry(limits)) {
            long baseline = heapAfterGc();
            MemorySampler sampler = new MemorySampler();
            Started started = start(registry, tasks, limits, sampler);
            Run run = started.run();
            RunClock.Start start = RunClock.startOf(run, MAX_WAIT);
            RunClock.awaitEnd(run, MAX_WAIT);
            long ended = System.nanoTime();
            MemorySampler.Figures memory = sampler.stop();
            Retained retained = retained(run, baseline);
            long[] figures = lastStartedLastEndedDone(run);
            long summaryStart = System.nanoTime();
            double elapsedMs = run.page(PageRequest.HEADLINE).elapsedMs();
            long summaryNanos = System.nanoTime() - summaryStart;
            long before = started.before();
            return new Result(tasks, started.via(), started.buildNanos(), started.returned() - before, figures[0],
                    Math.round(elapsedMs * 1e6), start.nanos() + figures[1] - before, ended - before, summaryNanos,
                    run.log().size(), figures[2], memory, retained, ending(run));
        }
    }

    /** How the run ended, as its status and message say: "done", or "failed: stopped at ...". */
    private static String ending(Run run) {
        String message = run.message();
        return run.status().label() + (message.isEmpty() ? "" : ": " + message);
    }

    private static Retained retained(Run run, long baseline) throws InterruptedException {
        long events = run.log().size();
        long kept = heapAfterGc() - baseline;
        return new Retained((double) run.log().retainedBytes() / events, (double) kept / events);
    }

    /** The last task-started and task-ended times and the tasks done, read from the log a batch at a time. */
    private static long[] lastStartedLastEndedDone(Run run) {
        long[] figures = new long[3];
        run.log().forEach(event -> {
            if (event instanceof TimelineEvent.TaskStarted) {
                figures[0] = Math.max(figures[0], event.atNanos());
            } else if (event instanceof TimelineEvent.TaskEnded end) {
                figures[1] = Math.max(figures[1], end.atNanos());
                figures[2] += end.outcome() == TaskOutcome.DONE ? 1 : 0;
            }
        });
        return figures;
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
