package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.Measure;
import dev.asyncplayground.timeline.Metrics;
import dev.asyncplayground.timeline.PageRequest;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelinePage;
import dev.asyncplayground.timeline.TimelineScan;
import dev.asyncplayground.timeline.TimelineSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * One execution of a program under one mode: its status, its event log and its summary.
 *
 * <p>A run starts {@code queued} and is started by the registry when its turn comes; its clock
 * starts then. It is supervised by its own platform thread ({@link Supervision}), which also runs
 * the tasks in {@code sequential} and {@code event-loop} mode. A run cancelled while still queued
 * ends at once, every task cancelled.
 */
public final class Run {

    private static final long RUN_BYTES = 4_096;
    private static final long TASK_BYTES = 8;

    private final String id;
    private final RunOptions options;
    private final IdealTime.Result ideal;
    private final SpeedChoice speed;
    private final int cores;
    private final EventLog log = new EventLog();
    private final RunState state;
    private final Consumer<Run> onEnd;
    private final ToIntFunction<Run> place;
    private final Object lifecycle = new Object();
    private volatile RunStatus status = RunStatus.QUEUED;
    private RunStatus stopAs;
    private Thread supervisor;
    private final List<Measure> measures;
    private volatile Map<String, Number> finalMetrics;
    private long endNanos = -1;

    Run(String id, Program program, RunOptions options, Limits limits, RunContext context) {
        this.id = id;
        this.options = options;
        this.ideal = context.ideal();
        this.speed = context.speed();
        this.cores = context.cores();
        this.onEnd = context.onEnd();
        this.measures = program.measures();
        this.place = context.place();
        this.state = new RunState(program, options, log, limits, context.threads(), cores, ideal.uneven(),
                reason -> stop(RunStatus.FAILED, reason));
    }

    public String id() {
        return id;
    }

    public RunOptions options() {
        return options;
    }

    /** The speed asked for and the one in {@link #options()}, with why the run goes slower, if it does. */
    public SpeedChoice speed() {
        return speed;
    }

    public RunStatus status() {
        return status;
    }

    /** The task names in declaration order; events refer to tasks by their index here. */
    public List<String> taskNames() {
        return state.taskNames();
    }

    /** The events recorded so far; viewers read it while it grows. */
    public EventLog log() {
        return log;
    }

    /** The elapsed time this mode would take with zero overhead, in scenario milliseconds. */
    public double idealMs() {
        return ideal.elapsedNanos() / 1_000_000.0;
    }

    /**
     * True if the program cannot end under this mode: some tasks wait for each other (or for a task
     * that cannot start) forever, so the run goes on until the wall-clock limit stops it. Its
     * {@link #idealMs()} is then the moment the last of them got stuck.
     */
    public boolean neverEnds() {
        return !ideal.finishes();
    }

    /** The shared values as they stand now (final once the status is final), sorted by name. */
    public Map<String, Long> sharedValues() {
        return state.sharedValues();
    }

    /** Why the run stopped early (cancelled, timed out, or failed at a limit), or empty. */
    public String message() {
        RunStatus now = status;
        boolean stopped = now == RunStatus.CANCELLED || now == RunStatus.TIMED_OUT || now == RunStatus.FAILED;
        return stopped && state.stopping() ? state.stopReason() : "";
    }

    /**
     * The whole summary of what happened so far (final once the status is final). It lists every
     * line and segment, so it is meant for small runs and tests; the API shows {@link #page}s.
     */
    public TimelineSummary summary() {
        return TimelineSummary.of(page(PageRequest.ALL));
    }

    /** A page of the summary of what happened so far, computed from the log in one pass. */
    public TimelinePage page(PageRequest request) {
        long end;
        synchronized (lifecycle) {
            end = endNanos;
        }
        return TimelineScan.of(log::forEach, options.speed(), end >= 0 ? end : log.elapsedNanos(), cores, request);
    }

    /**
     * An estimate of the heap bytes the run keeps once finished: its log (which holds the task
     * names), what it keeps per task and its own fields.
     */
    public long retainedBytes() {
        return RUN_BYTES + log.retainedBytes() + TASK_BYTES * state.taskNames().size();
    }

    /**
     * The figures the scenario's {@code measure} lines ask for, computed once from the events when
     * the run has ended (one pass over the log, not one per request); empty before that and for a
     * scenario that measures nothing.
     */
    public Map<String, Number> metrics() {
        Map<String, Number> known = finalMetrics;
        if (known != null || measures.isEmpty() || !status.isFinal()) {
            return known != null ? known : Map.of();
        }
        long end;
        synchronized (lifecycle) {
            end = endNanos >= 0 ? endNanos : log.elapsedNanos();
        }
        Map<String, Number> figures = Metrics.of(measures, log.snapshot(), options.speed(), end);
        finalMetrics = figures;
        return figures;
    }

    /** The run's place in the queue while it waits for its turn (1 = next to start), else 0. */
    public int queuePosition() {
        return status == RunStatus.QUEUED ? place.applyAsInt(this) : 0;
    }

    /**
     * The cores the run's cpu steps received so far against those its ideal assumed; empty for a
     * run without cpu steps or before any has burnt.
     */
    public Optional<CoresGiven> coresGiven() {
        double scale = 1_000_000.0;
        return CoresGiven.of(idealMs(), ideal.cpuNanos() / scale, ideal.cpuWallNanos() / scale, state.cpuUse());
    }

    /** Stops the run: its tasks are interrupted and end as cancelled. */
    public void cancel() {
        cancel("cancelled by request");
    }

    /** Stops the run as cancelled, giving the reason its tasks and summary report. */
    public void cancel(String reason) {
        stop(RunStatus.CANCELLED, reason);
    }

    /** Real nanoseconds since the run really started (0 while queued). */
    long elapsedRealNanos() {
        return log.elapsedNanos();
    }

    /**
     * The name of the run's own platform thread, which also runs every task in {@code sequential}
     * and is the loop in {@code event-loop}: the mode and the run, e.g. {@code event-loop-k3x9…}.
     */
    String supervisorName() {
        return options.mode().id() + "-" + id;
    }

    /** Starts the run now, unless it was cancelled while it waited. */
    void begin(ScheduledExecutorService timer) {
        Throwable failure;
        synchronized (lifecycle) {
            if (stopAs != null || supervisor != null) {
                return;
            }
            Supervision supervision = new Supervision(this, state);
            try {
                Thread thread = Thread.ofPlatform().name(supervisorName()).daemon(true)
                        .unstarted(state.threads.counted(() -> supervision.supervise(timer)));
                thread.start();
                supervisor = thread;
                status = RunStatus.RUNNING;
                return;
            } catch (RuntimeException | Error noThread) {
                failure = noThread;
            }
        }
        stop(RunStatus.FAILED, EngineFailure.describe(failure));
    }

    /**
     * Stops the run as {@code as}, for {@code reason}: its supervisor is interrupted, or, if it
     * never started, it ends at once; does nothing once the run has ended or is stopping.
     */
    void stop(RunStatus as, String reason) {
        boolean neverStarted;
        synchronized (lifecycle) {
            if (status.isFinal() || stopAs != null) {
                return;
            }
            stopAs = as;
            state.stop(reason);
            neverStarted = supervisor == null;
            if (!neverStarted) {
                supervisor.interrupt();
            }
        }
        if (neverStarted) {
            startClock();
            state.cancelLeftovers();
            finish(RunStatus.CANCELLED);
        }
    }

    /** Starts the run's clock, with the event that says so. */
    void startClock() {
        log.start();
        log.append(at -> new TimelineEvent.RunStarted(at, options.mode().id(), state.taskNames()));
    }

    /**
     * Sets the final status, frees the run's turn and closes the log, allocating next to nothing.
     * The turn is freed and the run stored first, so a client that has read the end of the log
     * finds the registry done with the run (its turn free for the next, the oldest runs forgotten
     * first).
     */
    void finish(RunStatus outcome) {
        try {
            synchronized (lifecycle) {
                endNanos = log.elapsedNanos();
                state.release();
                status = stopAs != null ? stopAs : outcome;
                if (Thread.currentThread() == supervisor) {
                    Thread.interrupted();
                }
            }
        } finally {
            try {
                onEnd.accept(this);
            } finally {
                log.close();
            }
        }
    }
}
