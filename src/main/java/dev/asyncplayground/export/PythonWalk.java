package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Step;

/**
 * What the Python styles write alike: snake_case names, {@code #} comments, {@code pass} for an
 * empty block, and a read-modify-write of a shared value with a pause in between (callbacks,
 * which cannot pause inside a function, write their own).
 */
abstract class PythonWalk extends StepWalk {

    PythonWalk(Lines out, Names names, double speed) {
        super(out, names, speed);
    }

    @Override
    final boolean camel() {
        return false;
    }

    @Override
    final void comment(String text) {
        out.add("# " + text);
    }

    @Override
    void empty() {
        out.add("pass");
    }

    @Override
    void update(Step.Update update, int nth, String deadline) {
        String name = Literals.quoted(update.shared());
        out.add("seen = shared[" + name + "]  # read " + update.shared());
        pause(new Step.Wait(update.think(), "think"), deadline);
        out.add("shared[" + name + "] = seen + " + update.delta() + "  # write what was read plus "
                + update.delta());
    }
}
