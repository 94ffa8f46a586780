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
 * (which ends a function) and a release. A timeout would have to cancel whichever callback is
 * pending and let go of the locks taken inside it: this style does not write timeouts (see
 * {@link #writes}).
 */
final class CallbackSteps extends StepWalk {

    private int step;

    CallbackSteps(Lines out, Names names, double speed) {
        super(out, names, speed);
    }

    /** True if the callbacks style can write these steps (everything but timeouts). */
    static boolean writes(List<Step> steps) {
        return steps.stream().allMatch(step -> switch (step) {
            case Step.Timeout timeout -> false;
            case Step.Locked locked -> writes(locked.body());
            default -> true;
        });
    }

    /** Writes the task's chain of functions, then the call that starts it. */
    void task(List<String> after, List<Step> steps) {
        step = 1;
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
    boolean camel() {
        return false;
    }

    @Override
    void comment(String text) {
        out.add("# " + text);
    }

    @Override
    void empty() {
        // a block adds no function of its own
    }

    @Override
    void pause(Step.Wait wait, String deadline) {
        next("loop.call_later(" + seconds(wait.duration()) + ", %s)" + label(wait.label(), wait.duration()), "");
    }

    @Override
    void cpu(Step.Cpu cpu, String deadline) {
        used.add("burn");
        out.add("burn(" + seconds(cpu.duration()) + ")" + label(cpu.label(), cpu.duration())
                + (cpu.label().isEmpty() ? "  # " : "; ") + "holds the event loop");
    }

    @Override
    void print(String text) {
        out.add("print(" + Literals.quoted(text) + ")");
    }

    @Override
    void locked(Step.Locked locked, String lock, String deadline) {
        next("asyncio.ensure_future(" + lock + ".acquire()).add_done_callback(lambda _: %s())  # lock "
                + Literals.quoted(locked.lock()), "");
        inner(locked.body());
        if (locked.body().stream().allMatch(StepWalk::goesOn)) {
            out.add(lock + ".release()");
        }
    }

    @Override
    void update(Step.Update update, int nth, String deadline) {
        String name = Literals.quoted(update.shared());
        out.add("seen = shared[" + name + "]  # read " + update.shared());
        next("loop.call_later(" + seconds(update.think()) + ", %s, seen)" + label("think", update.think()), "seen");
        out.add("shared[" + name + "] = seen + " + update.delta() + "  # write what was read plus "
                + update.delta());
    }

    @Override
    void await(List<String> tasks, String deadline) {
        for (String task : tasks) {
            next("ended[" + Literals.quoted(task) + "].add_done_callback(lambda _: %s())  # await "
                    + Literals.quoted(task), "");
        }
    }

    @Override
    void timeout(Step.Timeout timeout, String deadline, String outer) {
        throw new IllegalArgumentException("the callbacks style does not write timeouts");
    }

    @Override
    void fail(String message) {
        for (String lock : held()) {
            out.add(names.of("lock", lock) + ".release()");
        }
        out.add("failed(" + Literals.quoted(message) + ")");
    }
}
