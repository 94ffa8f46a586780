package dev.asyncplayground.engine;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a run's own platform thread does: readies the mode, starts the clock, runs the tasks under
 * the wall-clock limit, ends the tasks still going and then the run.
 *
 * <p>Cancelling or passing a limit interrupts that thread ({@link Run#stop}); the model then stops
 * its tasks and waits until their threads are gone. Whatever happens, the run ends.
 */
final class Supervision {

    private final Run run;
    private final RunState state;

    Supervision(Run run, RunState state) {
        this.run = run;
        this.state = state;
    }

    /** Runs the tasks to their end, or until stopped, and ends the run. */
    void supervise(ScheduledExecutorService timer) {
        ExecutionModel model = ExecutionModel.of(run.options().mode());
        Optional<String> notReady = prepare(model);
        RunStatus outcome = RunStatus.DONE;
        ScheduledFuture<?> guard = null;
        try {
            run.startClock();
            guard = guardWallTime(timer);
            if (notReady.isPresent()) {
                state.stop(notReady.get());
                outcome = RunStatus.FAILED;
            } else if (!state.stopping()) {
                model.execute(state);
            }
        } catch (InterruptedException stopped) {
            outcome = RunStatus.CANCELLED;
        } catch (RejectedExecutionException closed) {
            state.stop("the server is shutting down");
            outcome = RunStatus.CANCELLED;
        } catch (RuntimeException | Error bug) {
            state.stop(EngineFailure.describe(bug));
            outcome = RunStatus.FAILED;
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
            model.close();
            finishAfterLeftovers(outcome);
        }
    }

    /** Lets the model get ready before the clock starts; why it could not (no thread), or empty. */
    private Optional<String> prepare(ExecutionModel model) {
        try {
            model.prepare(state);
            return Optional.empty();
        } catch (RuntimeException | Error noThread) {
            return Optional.of(EngineFailure.describe(noThread));
        }
    }

    /** Ends the tasks still going and then the run; a failure while ending them still ends the run. */
    private void finishAfterLeftovers(RunStatus outcome) {
        RunStatus end = outcome;
        try {
            state.cancelLeftovers();
        } catch (RuntimeException | Error bug) {
            state.stop(EngineFailure.describe(bug));
            end = RunStatus.FAILED;
        } finally {
            run.finish(end);
        }
    }

    private ScheduledFuture<?> guardWallTime(ScheduledExecutorService timer) {
        long limit = state.limits.maxRunTime().toMillis();
        String reason = "stopped at the wall-clock limit of " + Seconds.format(limit / 1000.0)
                + " s per run (MAX_RUN_SECONDS)"
                + (run.neverEnds() ? ": its tasks wait for each other and never end" : "");
        return timer.schedule(() -> run.stop(RunStatus.TIMED_OUT, reason), limit, TimeUnit.MILLISECONDS);
    }
}
