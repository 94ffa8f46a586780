package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.TaskOutcome;
import dev.asyncplayground.timeline.TimelineEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one task's steps on the calling thread, blocking it for every wait.
 *
 * <p>Used by the thread-based models. Waits are real sleeps; CPU steps really spin. Timeouts
 * work by deadlines: every blocking step stops at the innermost deadline and unwinds to its
 * timeout step.
 */
final class BlockingTask {

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final RunState run;
    private final int task;
    private final boolean othersRunAlongside;

    /**
     * @param othersRunAlongside false when tasks run strictly one after another, so that
     *                           awaiting a task that has not run yet fails instead of hanging
     */
    BlockingTask(RunState run, int task, boolean othersRunAlongside) {
        this.run = run;
        this.task = task;
        this.othersRunAlongside = othersRunAlongside;
    }

    /** Runs the task to its end and records how it ended; never throws. */
    void run() {
        TaskSpec spec = run.program.tasks().get(task);
        TaskOutcome outcome = TaskOutcome.DONE;
        String message = "";
        run.record(at -> new TimelineEvent.TaskStarted(at, task, Threads.current()));
        try {
            awaitAll(spec.after(), NO_DEADLINE);
            execute(spec.steps(), NO_DEADLINE);
        } catch (TaskFailure failure) {
            outcome = TaskOutcome.FAILED;
            message = failure.getMessage();
        } catch (InterruptedException stopped) {
            outcome = TaskOutcome.CANCELLED;
            message = run.stopReason();
        } catch (TimeoutSignal impossible) {
            outcome = TaskOutcome.FAILED;
            message = "a timeout expired outside any timeout block";
        } finally {
            TaskOutcome how = outcome;
            String why = message;
            run.record(at -> new TimelineEvent.TaskEnded(at, task, Threads.current(), how, why));
            run.endOf(task).countDown();
        }
    }

    private void execute(List<Step> steps, long deadline) throws InterruptedException, TimeoutSignal {
        for (Step step : steps) {
            switch (step) {
                case Step.Wait wait -> pause(wait.duration(), wait.label(), deadline);
                case Step.Cpu cpu -> burn(cpu, deadline);
                case Step.Print print -> print(print.text());
                case Step.Locked locked -> holding(locked, deadline);
                case Step.Update update -> update(update, deadline);
                case Step.Await await -> awaitAll(await.tasks(), deadline);
                case Step.Timeout timeout -> within(timeout, deadline);
                case Step.Fail fail -> throw new TaskFailure(fail.message());
            }
        }
    }

    private void pause(Duration duration, String label, long deadline) throws InterruptedException, TimeoutSignal {
        long nanos = run.options.realNanos(duration);
        long wanted = System.nanoTime() + nanos;
        long until = Math.min(wanted, deadline);
        run.record(at -> new TimelineEvent.WaitStarted(at, task, Threads.current(), nanos, label));
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left));
        }
        run.record(at -> new TimelineEvent.WaitEnded(at, task, Threads.current()));
        expireIf(until < wanted, deadline);
    }

    private void burn(Step.Cpu cpu, long deadline) throws InterruptedException, TimeoutSignal {
        long nanos = run.options.realNanos(cpu.duration());
        long wanted = System.nanoTime() + nanos;
        long until = Math.min(wanted, deadline);
        run.record(at -> new TimelineEvent.CpuStarted(at, task, Threads.current(), nanos, cpu.label()));
        CpuBurner.burnUntil(until);
        run.record(at -> new TimelineEvent.CpuEnded(at, task, Threads.current()));
        expireIf(until < wanted, deadline);
    }

    private void print(String text) {
        if (!run.countPrint()) {
            throw new TaskFailure("output limit of " + run.limits.maxOutputLines() + " lines reached");
        }
        run.record(at -> new TimelineEvent.Printed(at, task, Threads.current(), text));
    }

    private void holding(Step.Locked locked, long deadline) throws InterruptedException, TimeoutSignal {
        ReentrantLock lock = run.lock(locked.lock());
        run.record(at -> new TimelineEvent.LockRequested(at, task, Threads.current(), locked.lock()));
        if (deadline == NO_DEADLINE) {
            lock.lockInterruptibly();
        } else if (!lock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutSignal(deadline);
        }
        run.record(at -> new TimelineEvent.LockAcquired(at, task, Threads.current(), locked.lock()));
        try {
            execute(locked.body(), deadline);
        } finally {
            lock.unlock();
            run.record(at -> new TimelineEvent.LockReleased(at, task, Threads.current(), locked.lock()));
        }
    }

    private void update(Step.Update update, long deadline) throws InterruptedException, TimeoutSignal {
        long seen = run.read(update.shared());
        run.record(at -> new TimelineEvent.SharedRead(at, task, Threads.current(), update.shared(), seen));
        pause(update.think(), "think", deadline);
        long written = seen + update.delta();
        run.write(update.shared(), written);
        run.record(at -> new TimelineEvent.SharedWritten(at, task, Threads.current(), update.shared(), written));
    }

    private void awaitAll(List<String> names, long deadline) throws InterruptedException, TimeoutSignal {
        if (names.isEmpty()) {
            return;
        }
        for (String name : names) {
            checkAwaitable(run.indexOf(name));
        }
        run.record(at -> new TimelineEvent.AwaitStarted(at, task, Threads.current(), names));
        for (String name : names) {
            CountDownLatch end = run.endOf(run.indexOf(name));
            if (deadline == NO_DEADLINE) {
                end.await();
            } else if (!end.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutSignal(deadline);
            }
        }
        run.record(at -> new TimelineEvent.AwaitEnded(at, task, Threads.current()));
    }

    private void checkAwaitable(int other) {
        if (other == task) {
            throw new TaskFailure("'" + run.nameOf(task) + "' cannot wait for itself");
        }
        if (!othersRunAlongside && run.endOf(other).getCount() > 0) {
            throw new TaskFailure("'" + run.nameOf(task) + "' waits for '" + run.nameOf(other)
                    + "', which has not run yet: " + run.options.mode().id() + " runs tasks one at a time, in order");
        }
    }

    private void within(Step.Timeout timeout, long deadline) throws InterruptedException, TimeoutSignal {
        long mine = System.nanoTime() + run.options.realNanos(timeout.limit());
        try {
            execute(timeout.body(), Math.min(mine, deadline));
        } catch (TimeoutSignal signal) {
            if (signal.deadline != mine) {
                throw signal;
            }
            long limit = run.options.realNanos(timeout.limit());
            run.record(at -> new TimelineEvent.TimedOut(at, task, Threads.current(), limit));
        }
    }

    private static void expireIf(boolean cut, long deadline) throws TimeoutSignal {
        if (cut) {
            throw new TimeoutSignal(deadline);
        }
    }
}
