package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Step;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The walk over a task's steps that every exporter shares: it writes each step through the
 * language's own construct and keeps track of what the steps around it mean.
 *
 * <p>The walk knows the locks a task holds (a lock taken again inside itself is not taken twice),
 * the innermost timeout's deadline (the steps under a timeout get it), and that nothing after a
 * {@code fail} runs. It records which helper functions the steps used, so the file defines only
 * those.
 */
abstract class StepWalk {

    final Lines out;
    final Names names;
    final double speed;
    final Set<String> used = new HashSet<>();
    private final Deque<String> held = new ArrayDeque<>();
    private final Deque<String> deadlines = new ArrayDeque<>();
    private int timeouts;
    private int updates;

    StepWalk(Lines out, Names names, double speed) {
        this.out = out;
        this.names = names;
        this.speed = speed;
    }

    /** Writes a task's steps; per-task counters start again. */
    final void body(List<Step> steps) {
        timeouts = 0;
        updates = 0;
        steps(steps);
    }

    /** Writes the steps of one block, and nothing after a step that ends the task. */
    final void steps(List<Step> steps) {
        if (steps.isEmpty()) {
            empty();
        }
        for (int i = 0; i < steps.size(); i++) {
            step(steps.get(i));
            if (!goesOn(steps.get(i))) {
                if (i < steps.size() - 1) {
                    comment("the steps after this one never run: the task has failed");
                }
                return;
            }
        }
    }

    private void step(Step step) {
        switch (step) {
            case Step.Wait wait -> pause(wait, deadline());
            case Step.Cpu cpu -> cpu(cpu, deadline());
            case Step.Print print -> print(print.text());
            case Step.Locked locked -> lock(locked);
            case Step.Update update -> update(update, ++updates, deadline());
            case Step.Await await -> await(await.tasks(), deadline());
            case Step.Timeout timeout -> timeout(timeout);
            case Step.Fail fail -> fail(fail.message());
        }
    }

    /** False if a step never lets its block go on: a fail, or a lock whose body fails. */
    static boolean goesOn(Step step) {
        return switch (step) {
            case Step.Fail fail -> false;
            case Step.Locked locked -> locked.body().stream().allMatch(StepWalk::goesOn);
            default -> true;
        };
    }

    private void lock(Step.Locked locked) {
        if (held.contains(locked.lock())) {
            comment("lock " + Literals.quoted(locked.lock()) + ": this task already holds it");
            steps(locked.body());
            return;
        }
        held.push(locked.lock());
        locked(locked, names.of("lock", locked.lock()), deadline());
        held.pop();
    }

    private void timeout(Step.Timeout timeout) {
        String outer = deadline();
        String name = ++timeouts == 1 ? "deadline" : "deadline" + (camel() ? "" : "_") + timeouts;
        deadlines.push(name);
        timeout(timeout, name, outer);
        deadlines.pop();
    }

    /** The locks the task holds at this point of the walk, innermost first. */
    final List<String> held() {
        return List.copyOf(held);
    }

    /** The variable holding the innermost timeout's deadline, or null outside any timeout. */
    final String deadline() {
        return deadlines.peek();
    }

    /** Writes the steps of a lock's or a timeout's body (between the language's own lines). */
    final void inner(List<Step> steps) {
        steps(steps);
    }

    /** True if the language names variables in lowerCamel case. */
    abstract boolean camel();

    abstract void comment(String text);

    /** Writes whatever an empty block needs ({@code pass} in Python). */
    abstract void empty();

    abstract void pause(Step.Wait wait, String deadline);

    abstract void cpu(Step.Cpu cpu, String deadline);

    abstract void print(String text);

    abstract void locked(Step.Locked locked, String lock, String deadline);

    /** @param nth 1 for the task's first update, 2 for its second, … (to name its variable) */
    abstract void update(Step.Update update, int nth, String deadline);

    abstract void await(List<String> tasks, String deadline);

    /**
     * @param deadline the variable to hold this timeout's deadline
     * @param outer    the enclosing timeout's deadline variable, or null
     */
    abstract void timeout(Step.Timeout timeout, String deadline, String outer);

    abstract void fail(String message);

    /** A label as a trailing comment, or nothing. */
    final String label(String label) {
        return label.isEmpty() ? "" : (camel() ? " // " : "  # ") + label;
    }

    /** A label as a trailing comment, saying the scenario's duration when the speed changed it. */
    final String label(String label, java.time.Duration scenario) {
        if (speed == 1) {
            return label(label);
        }
        String length = Literals.scenario(scenario) + " in the scenario";
        return label(label.isEmpty() ? length : label + " (" + length + ")");
    }

    /** Real seconds for a scenario duration, as a literal. */
    final String seconds(java.time.Duration scenario) {
        return Literals.seconds(scenario, speed);
    }
}
