package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import dev.asyncplayground.timeline.TimelineSummary;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One execution of a program under one mode: its status, its event log and its summary.
 *
 * <p>A run is supervised by its own platform thread, which also runs the tasks in
 * {@code sequential} mode. Cancelling, or passing the wall-clock limit, interrupts that thread;
 * the model then stops its tasks and waits until their threads are gone.
 */
public final class Run {

    private final String id;
    private final RunOptions options;
    private final long idealNanos;
    private final EventLog log = new EventLog();
    private final RunState state;
    private final Object lifecycle = new Object();
    private volatile RunStatus status = RunStatus.QUEUED;
    private RunStatus stopAs;
    private Thread supervisor;
    private TimelineSummary finalSummary;

    Run(String id, Program program, RunOptions options, Limits limits, long idealNanos) {
        this.id = id;
        this.options = options;
        this.idealNanos = idealNanos;
        this.state = new RunState(program, options, log, limits);
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
        return idealNanos / 1_000_000.0;
    }

    /** Why the run stopped early, or empty. */
    public String message() {
        return status == RunStatus.CANCELLED || status == RunStatus.TIMED_OUT ? state.stopReason() : "";
    }

    /** The summary of what happened so far (final once the status is final). */
    public TimelineSummary summary() {
        synchronized (lifecycle) {
            if (finalSummary != null) {
                return finalSummary;
            }
        }
        return TimelineSummary.of(log.snapshot(), options.speed(), log.elapsedNanos());
    }

    void start(ScheduledExecutorService timer) {
        synchronized (lifecycle) {
            supervisor = Thread.ofPlatform().name("run-" + id).daemon(true).unstarted(() -> supervise(timer));
            supervisor.start();
        }
    }

    /** Stops the run: its tasks are interrupted and end as cancelled. */
    public void cancel() {
        stop(RunStatus.CANCELLED, "cancelled by request");
    }

    void stop(RunStatus as, String reason) {
        synchronized (lifecycle) {
            if (status.isFinal() || stopAs != null) {
                return;
            }
            stopAs = as;
            state.stop(reason);
            if (supervisor != null) {
                supervisor.interrupt();
            }
        }
    }

    private void supervise(ScheduledExecutorService timer) {
        log.start();
        status = RunStatus.RUNNING;
        log.append(at -> new TimelineEvent.RunStarted(at, options.mode().id(), state.taskNames()));
        long limit = state.limits.maxRunTime().toMillis();
        ScheduledFuture<?> guard = timer.schedule(() -> stop(RunStatus.TIMED_OUT,
                "stopped at the wall-clock limit of " + limit / 1000 + " s per run (MAX_RUN_SECONDS)"),
                limit, TimeUnit.MILLISECONDS);
        RunStatus outcome = RunStatus.DONE;
        try {
            if (!state.stopping()) {
                ExecutionModel.of(options.mode()).execute(state);
            }
        } catch (InterruptedException stopped) {
            outcome = RunStatus.CANCELLED;
        } catch (RuntimeException bug) {
            state.stop("the engine failed: " + bug);
            outcome = RunStatus.FAILED;
        } finally {
            guard.cancel(false);
            finish(outcome);
        }
    }

    private void finish(RunStatus outcome) {
        long endNanos = log.elapsedNanos();
        synchronized (lifecycle) {
            finalSummary = TimelineSummary.of(log.snapshot(), options.speed(), endNanos);
            status = stopAs != null ? stopAs : outcome;
            Thread.interrupted();
        }
        log.close();
    }
}
