package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Step;
import java.util.List;

/**
 * A task's steps as callbacks on an asyncio event loop, without {@code async}/{@code await}: the
 * task is a chain of small functions, and each step that takes time ends its function by asking the
 * loop to call the next one ({@code loop.call_later} for a wait, a done-callback for a lock or
 * another task's end).
 *
 * <p>Loops are expanded, so a task's steps are one straight line; a lock only adds an acquire
 * (which ends a function) and a release. A task with a timeout keeps its place in the chain in a
 * {@code Place} (the handle it waits on, the locks it holds, its timeouts' timers): when a timeout
 * expires, its timer cancels whatever the task waits for, lets go of the locks taken inside and
 * calls the function written after the timeout's steps, which the steps also call when they end in
 * time.
 */
final class CallbackSteps extends PythonWalk {

    private int step;
    private boolean placed;

    CallbackSteps(Lines out, Names names, double speed) {
        super(out, names, speed);
    }

    /** True if some step, in a block or not, is a timeout: the task then needs a {@code Place}. */
    static boolean timeouts(List<Step> steps) {
        return steps.stream().anyMatch(step -> switch (step) {
            case Step.Timeout timeout -> true;
            case Step.Locked locked -> timeouts(locked.body());
            default -> false;
        });
    }

    /** Writes the task's chain of functions, then the call that starts it. */
    void task(List<String> after, List<Step> steps) {
        step = 1;
        placed = timeouts(steps);
        if (placed) {
            used.add("place");
            out.add("place = Place()  # what the task waits for, its locks and its timeouts");
        }
        out.open("def step_1():");
        for (String task : after) {
            next("ended[" + Literals.quoted(task) + "].add_done_callback(lambda _: %s())  # starts after "
                    + Literals.quoted(task), "");
        }
        body(steps);
        if (steps.stream().allMatch(StepWalk::goesOn)) {
            out.add("done()");
        }
        out.close().add("step_1()");
    }

    /** Ends the current function with a line that schedules the next one, and opens that one. */
    private void next(String schedule, String parameter) {
        String following = "step_" + (step + 1);
        out.add(schedule.formatted(following)).close().open("def " + following + "(" + parameter + "):");
        step++;
    }

    @Override
    void empty() {
        // a block adds no function of its own
    }

    @Override
    void pause(Step.Wait wait, String deadline) {
        next(later(wait.duration(), "") + label(wait.label(), wait.duration()), "");
    }

    /** The call that runs the next function after a wait: through the place in a task with timeouts. */
    private String later(java.time.Duration duration, String arguments) {
        return (placed ? "place.wait(" : "loop.call_later(") + seconds(duration) + ", %s" + arguments + ")";
    }

    @Override
    void cpu(Step.Cpu cpu, String deadline) {
        used.add("burn");
        String comment = label(cpu.label(), cpu.duration()) + (cpu.label().isEmpty() ? "  # " : "; ")
                + "holds the event loop";
        if (deadline == null) {
            out.add("burn(" + seconds(cpu.duration()) + ")" + comment);
            return;
        }
        out.open("try:").add("burn(" + seconds(cpu.duration()) + ", place.deadline())" + comment).close()
                .open("except TimeoutError:")
                .add("return  # cut short: the timeout has expired, and its timer goes off next").close();
    }

    @Override
    void print(String text) {
        out.add("print(" + Literals.quoted(text) + ")");
    }

    @Override
    void locked(Step.Locked locked, String lock, String deadline) {
        String name = Literals.quoted(locked.lock());
        next(placed ? "place.take(" + lock + ", %s)  # lock " + name
                : "asyncio.ensure_future(" + lock + ".acquire()).add_done_callback(lambda _: %s())  # lock " + name,
                "");
        inner(locked.body());
        if (locked.body().stream().allMatch(StepWalk::goesOn)) {
            out.add(placed ? "place.release(" + lock + ")" : lock + ".release()");
        }
    }

    @Override
    void update(Step.Update update, int nth, String deadline) {
        String name = Literals.quoted(update.shared());
        out.add("seen = shared[" + name + "]  # read " + update.shared());
        next(later(update.think(), ", seen") + label("think", update.think()), "seen");
        out.add("shared[" + name + "] = seen + " + update.delta() + "  # write what was read plus "
                + update.delta());
    }

    @Override
    void await(List<String> tasks, String deadline) {
        for (String task : tasks) {
            String ended = "ended[" + Literals.quoted(task) + "]";
            next(placed ? "place.after(asyncio.shield(" + ended + "), %s)  # await " + Literals.quoted(task)
                    : ended + ".add_done_callback(lambda _: %s())  # await " + Literals.quoted(task), "");
        }
    }

    @Override
    void timeout(Step.Timeout timeout, String deadline, String outer) {
        String then = deadline.replace("deadline", "after_timeout");
        String limit = Literals.scenario(timeout.limit());
        out.add("place.timeout(" + seconds(timeout.limit()) + ", " + then + ")  # timeout " + limit
                + ": gives up on the steps inside after " + limit + ", then goes on with " + then + "()");
        inner(timeout.body());
        if (timeout.body().stream().allMatch(StepWalk::goesOn)) {
            out.add("place.in_time()  # the steps inside ended in time: the timeout will not go off")
                    .add(then + "()");
        }
        out.close().open("def " + then + "():");
    }

    @Override
    void fail(String message) {
        if (placed) {
            out.add("place.stop()  # cancels the timeouts' timers and lets go of the locks");
        } else {
            for (String lock : held()) {
                out.add(names.of("lock", lock) + ".release()");
            }
        }
        out.add("failed(" + Literals.quoted(message) + ")");
    }
}
