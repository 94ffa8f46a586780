package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Step;
import dev.asyncplayground.scenario.TaskSpec;
import dev.asyncplayground.timeline.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's way through its steps: the single place where the steps get their meaning.
 *
 * <p>The cursor never blocks. It runs instant steps (print, shared reads and writes, fail) itself
 * and hands out a {@link Need} for anything that takes time or depends on other tasks; the model
 * meets the need as it does things (a blocked thread, a timer, a simulated clock) and calls
 * {@link #advance} with whether it was met before the need's deadline. A deadline that passes
 * first unwinds to its timeout block, letting go of the locks taken inside it. Once the run is
 * stopping, the task takes no further step: it ends as cancelled.
 */
final class TaskCursor {

    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final TaskWorld world;
    private final int task;
    private final TaskEvents events;
    private final FrameStack frames;
    private Need pending;
    private Step pendingStep;
    private long seen;
    private boolean started;

    TaskCursor(TaskWorld world, int task, LockRelease locks) {
        this.world = world;
        this.task = task;
        this.events = new TaskEvents(world, task);
        this.frames = new FrameStack(locks, events);
    }

    /**
     * Starts the task, or goes on after its pending need; returns what it needs next. The time
     * this takes is the engine's own work for the task, charged to the run.
     *
     * <p>The events recorded are published to the viewers, who wake once to all of them, when the
     * task is about to wait, compute or be held. A task that has ended leaves its last events to
     * what its thread does next: another task's step, or the model's own publish when the thread
     * goes idle or leaves.
     * A viewer woken between two tasks took the core from the next one (docs/benchmarks.md).
     */
    Need advance(boolean met) {
        if (pending == Need.FINISHED) {
            return Need.FINISHED;
        }
        long began = world.engineClock();
        try {
            Need next = step(met);
            if (next != Need.FINISHED) {
                world.publish();
            }
            return next;
        } finally {
            world.chargeEngine(world.engineClock() - began);
        }
    }

    private Need step(boolean met) {
        events.resumed();
        try {
            if (!started) {
                return world.stopping() ? cancel() : begin();
            }
            settle(met);
            return proceed();
        } catch (TaskFailure failure) {
            return end(TaskOutcome.FAILED, failure.getMessage());
        } catch (RuntimeException bug) {
            return end(TaskOutcome.FAILED, "the engine failed: " + bug);
        }
    }

    /** Ends the task as cancelled (a started task lets go of its locks first). */
    Need cancel() {
        events.resumed();
        if (pending == Need.FINISHED) {
            return Need.FINISHED;
        }
        Need finished = end(TaskOutcome.CANCELLED, world.stopReason());
        world.publish();
        return finished;
    }

    private Need begin() {
        started = true;
        events.started();
        TaskSpec spec = world.spec(task);
        frames.push(Frame.task(spec.steps()));
        pending = join(spec.after(), NO_DEADLINE);
        return pending != null ? pending : proceed();
    }

    private Need proceed() {
        while (true) {
            if (world.stopping()) {
                return cancel();
            }
            Frame frame = frames.top();
            if (frame.done()) {
                if (frame.kind == Frame.Kind.TASK) {
                    return end(TaskOutcome.DONE, "");
                }
                frames.leaveTop();
                continue;
            }
            pendingStep = frame.take();
            Need need = start(pendingStep, frame.deadline);
            if (need != null) {
                pending = need;
                return need;
            }
        }
    }

    private Need start(Step step, long deadline) {
        return switch (step) {
            case Step.Wait wait -> sleep(wait.duration(), wait.label(), deadline);
            case Step.Cpu cpu -> burn(cpu, deadline);
            case Step.Print print -> print(print.text());
            case Step.Locked locked -> lock(locked.lock(), deadline);
            case Step.Update update -> think(update, deadline);
            case Step.Await await -> join(await.tasks(), deadline);
            case Step.Timeout timeout -> enter(timeout, deadline);
            case Step.Fail fail -> throw new TaskFailure(fail.message());
        };
    }

    private void settle(boolean met) {
        Need need = pending;
        switch (need) {
            case Need.Sleep sleep -> woke(met);
            case Need.Burn burn -> events.cpuEnded();
            case Need.Lock lock -> {
                if (met) {
                    events.lockAcquired(lock.name());
                    frames.push(Frame.locked(lock.name(), ((Step.Locked) pendingStep).body(), lock.deadline()));
                }
            }
            case Need.Join join -> {
                if (met) {
                    events.awaitEnded();
                }
            }
            case Need.Finished finished -> { }
        }
        if (!met) {
            frames.unwindTo(need.deadline());
        }
    }

    private Need sleep(Duration duration, String label, long deadline) {
        long nanos = world.nanos(duration);
        long wanted = world.now() + nanos;
        events.waitStarted(nanos, label);
        return new Need.Sleep(Math.min(wanted, deadline), deadline < wanted, deadline);
    }

    private void woke(boolean met) {
        events.waitEnded();
        if (met && pendingStep instanceof Step.Update update) {
            long written = seen + update.delta();
            world.write(update.shared(), written);
            events.sharedWritten(update.shared(), written);
        }
    }

    private Need burn(Step.Cpu cpu, long deadline) {
        long nanos = world.nanos(cpu.duration());
        events.cpuStarted(nanos, cpu.label());
        return new Need.Burn(nanos, deadline);
    }

    private Need lock(String name, long deadline) {
        events.lockRequested(name);
        return new Need.Lock(name, deadline);
    }

    private Need print(String text) {
        if (!world.countPrint(text)) {
            throw new TaskFailure(world.stopReason());
        }
        events.printed(text);
        return null;
    }

    private Need think(Step.Update update, long deadline) {
        seen = world.read(update.shared());
        events.sharedRead(update.shared(), seen);
        return sleep(update.think(), "think", deadline);
    }

    private Need join(List<String> names, long deadline) {
        if (names.isEmpty()) {
            return null;
        }
        List<Integer> others = new ArrayList<>(names.size());
        boolean allEnded = true;
        for (String name : names) {
            int other = awaitable(world.indexOf(name));
            others.add(other);
            allEnded &= world.ended(other);
        }
        events.awaitStarted(names);
        if (allEnded) {
            events.awaitEnded();
            return null;
        }
        return new Need.Join(List.copyOf(others), deadline);
    }

    private int awaitable(int other) {
        if (other == task) {
            throw new TaskFailure("'" + world.nameOf(task) + "' cannot wait for itself");
        }
        if (world.oneAtATime() && !world.ended(other)) {
            throw new TaskFailure("'" + world.nameOf(task) + "' waits for '" + world.nameOf(other)
                    + "', which has not run yet: sequential runs tasks one at a time, in order");
        }
        return other;
    }

    private Need enter(Step.Timeout timeout, long deadline) {
        long limit = world.nanos(timeout.limit());
        frames.push(Frame.timeout(timeout.body(), world.now() + limit, limit, deadline));
        return null;
    }

    private Need end(TaskOutcome outcome, String message) {
        frames.leaveAll();
        events.ended(started, outcome, message);
        world.markEnded(task);
        pending = Need.FINISHED;
        return Need.FINISHED;
    }
}
