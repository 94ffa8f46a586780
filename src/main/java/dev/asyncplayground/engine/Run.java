package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.Measure;
import dev.asyncplayground.timeline.Metrics;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelineSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * One execution of a program under one mode: its status, its event log and its summary.
 *
 * <p>A run starts {@code queued} and is started by the registry when its turn comes; its clock
 * starts then. It is supervised by its own platform thread, which also runs the tasks in
 * {@code sequential} and {@code event-loop} mode. Cancelling, or passing a limit, interrupts that
 * thread; the model then stops its tasks and waits until their threads are gone. A run cancelled
 * while still queued ends at once, every task cancelled.
 */
public final class Run {

    private final String id;
    private final RunOptions options;
    private final IdealTime.Result ideal;
    private final int cores;
    private final EventLog log = new EventLog();
    private final RunState state;
    private final Consumer<Run> onEnd;
    private final ToIntFunction<Run> place;
    private final Object lifecycle = new Object();
    private volatile RunStatus status = RunStatus.QUEUED;
    private RunStatus stopAs;
    private Thread supervisor;
    private TimelineSummary finalSummary;
    private final List<Measure> measures;
    private volatile Map<String, Number> finalMetrics;

    Run(String id, Program program, RunOptions options, Limits limits, RunContext context) {
        this.id = id;
        this.options = options;
        this.ideal = context.ideal();
        this.cores = context.cores();
        this.onEnd = context.onEnd();
        this.measures = program.measures();
        this.place = context.place();
        this.state = new RunState(program, options, log, limits, context.threads(),
                reason -> stop(RunStatus.FAILED, reason));
    }

    public String id() {
        return id;
    }

    public RunOptions options() {
        return options;
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

    /** The summary of what happened so far (final once the status is final). */
    public TimelineSummary summary() {
        synchronized (lifecycle) {
            if (finalSummary != null) {
                return finalSummary;
            }
        }
        return TimelineSummary.of(log.snapshot(), options.speed(), log.elapsedNanos(), cores);
    }

    /**
     * The figures the scenario's {@code measure} lines ask for, computed from the events so far
     * (final once the status is final); empty for a scenario that measures nothing.
     */
    public Map<String, Number> metrics() {
        Map<String, Number> known = finalMetrics;
        if (known != null || measures.isEmpty()) {
            return known != null ? known : Map.of();
        }
        boolean last = status.isFinal();
        TimelineSummary summary = summary();
        long elapsedNanos = Math.round(summary.elapsedMs() * 1_000_000 / options.speed());
        Map<String, Number> figures = Metrics.of(measures, log.snapshot(), options.speed(), elapsedNanos);
        if (last) {
            finalMetrics = figures;
        }
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
        CpuUse used = state.cpuUse();
        double scale = 1_000_000.0;
        return CoresGiven.of(idealMs(), ideal.cpuNanos() / scale, ideal.cpuWallNanos() / scale, used.cpuNanos(),
                used.wallNanos());
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
        synchronized (lifecycle) {
            if (stopAs != null || supervisor != null) {
                return;
            }
            supervisor = Thread.ofPlatform().name(supervisorName()).daemon(true)
                    .unstarted(state.threads.counted(() -> supervise(timer)));
            status = RunStatus.RUNNING;
            supervisor.start();
        }
    }

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
            log.start();
            log.append(at -> new TimelineEvent.RunStarted(at, options.mode().id(), state.taskNames()));
            state.cancelLeftovers();
            finish(RunStatus.CANCELLED);
        }
    }

    private void supervise(ScheduledExecutorService timer) {
        log.start();
        log.append(at -> new TimelineEvent.RunStarted(at, options.mode().id(), state.taskNames()));
        RunStatus outcome = RunStatus.DONE;
        ScheduledFuture<?> guard = null;
        try {
            guard = guardWallTime(timer);
            if (!state.stopping()) {
                ExecutionModel.of(options.mode()).execute(state);
            }
        } catch (InterruptedException stopped) {
            outcome = RunStatus.CANCELLED;
        } catch (RejectedExecutionException closed) {
            state.stop("the server is shutting down");
            outcome = RunStatus.CANCELLED;
        } catch (RuntimeException bug) {
            state.stop("the engine failed: " + bug);
            outcome = RunStatus.FAILED;
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
            state.cancelLeftovers();
            finish(outcome);
        }
    }

    private ScheduledFuture<?> guardWallTime(ScheduledExecutorService timer) {
        long limit = state.limits.maxRunTime().toMillis();
        String reason = "stopped at the wall-clock limit of " + Seconds.format(limit / 1000.0)
                + " s per run (MAX_RUN_SECONDS)" + (neverEnds() ? ": its tasks wait for each other and never end" : "");
        return timer.schedule(() -> stop(RunStatus.TIMED_OUT, reason), limit, TimeUnit.MILLISECONDS);
    }

    private void finish(RunStatus outcome) {
        long endNanos = log.elapsedNanos();
        synchronized (lifecycle) {
            finalSummary = TimelineSummary.of(log.snapshot(), options.speed(), endNanos, cores);
            status = stopAs != null ? stopAs : outcome;
            if (Thread.currentThread() == supervisor) {
                Thread.interrupted();
            }
        }
        log.close();
        onEnd.accept(this);
    }
}
