package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Step;
import java.util.List;

/**
 * A task's steps as blocking Java: {@code Thread.sleep}, a CPU burn, a fair {@code ReentrantLock}
 * per lock, and a {@code CompletableFuture} per task that completes when it ends.
 *
 * <p>A timeout keeps its deadline in a variable; the steps under it give up there by throwing
 * {@code GaveUp}, which the timeout catches so the task goes on.
 */
final class JavaSteps extends StepWalk {

    private final Style style;
    private final TaskOrder order;
    private int current;

    /** @param order the tasks' declaration order (sequential needs it) */
    JavaSteps(Lines out, Names names, double speed, Style style, TaskOrder order) {
        super(out, names, speed);
        this.style = style;
        this.order = order;
    }

    /** Writes the body of the task at {@code position}; futures start a task after others in main instead. */
    void task(int position, List<String> after, List<Step> steps) {
        current = position;
        if (style != Style.FUTURES) {
            awaitEnds(after, null, "starts after ");
        }
        body(steps);
    }

    @Override
    boolean camel() {
        return true;
    }

    @Override
    void comment(String text) {
        out.add("// " + text);
    }

    @Override
    void empty() {
        // an empty Java block needs nothing
    }

    @Override
    void pause(Step.Wait wait, String deadline) {
        String length = Literals.javaDuration(wait.duration(), speed);
        if (deadline == null) {
            out.add("Thread.sleep(" + length + ");" + label(wait.label(), wait.duration()));
        } else {
            used.add("pause");
            used.add("gaveUp");
            out.add("pause(" + length + ", " + deadline + ");" + label(wait.label(), wait.duration()));
        }
    }

    @Override
    void cpu(Step.Cpu cpu, String deadline) {
        used.add("burn");
        used.add("gaveUp");
        String until = deadline == null ? "" : ", " + deadline;
        out.add("burn(" + Literals.javaDuration(cpu.duration(), speed) + until + ");"
                + label(cpu.label(), cpu.duration()));
    }

    @Override
    void print(String text) {
        out.add("System.out.println(" + Literals.quoted(text) + ");");
    }

    @Override
    void locked(Step.Locked locked, String lock, String deadline) {
        if (deadline == null) {
            out.add(lock + ".lock();");
        } else {
            used.add("left");
            used.add("gaveUp");
            out.open("if (!" + lock + ".tryLock(left(" + deadline + "), TimeUnit.NANOSECONDS)) {")
                    .add("throw new GaveUp();").close("}");
        }
        out.open("try {");
        inner(locked.body());
        out.close().open("} finally {").add(lock + ".unlock();").close("}");
    }

    @Override
    void update(Step.Update update, int nth, String deadline) {
        String seen = nth == 1 ? "seen" : "seen" + nth;
        String name = Literals.quoted(update.shared());
        out.add("long " + seen + " = shared.get(" + name + "); // read " + update.shared());
        pause(new Step.Wait(update.think(), "think"), deadline);
        out.add("shared.put(" + name + ", " + seen + " + " + update.delta() + "); // write what was read plus "
                + update.delta());
    }

    @Override
    void await(List<String> tasks, String deadline) {
        awaitEnds(tasks, deadline, "await ");
    }

    private void awaitEnds(List<String> tasks, String deadline, String what) {
        for (String task : tasks) {
            String name = Literals.quoted(task);
            if (style == Style.PLAIN && order.before(task, current)) {
                comment(TaskOrder.alreadyEnded(what, name));
            } else if (style == Style.PLAIN) {
                used.add("notRunYet");
                out.add("notRunYet(" + name + ");");
            } else if (deadline == null) {
                used.add("ended");
                out.add("ENDED.get(" + name + ").join(); // " + what + name);
            } else {
                used.add("awaitEnd");
                used.add("ended");
                used.add("left");
                used.add("gaveUp");
                out.add("awaitEnd(" + name + ", " + deadline + "); // " + what + name);
            }
        }
    }

    @Override
    void timeout(Step.Timeout timeout, String deadline, String outer) {
        used.add("gaveUp");
        String limit = Literals.scenario(timeout.limit());
        String nanos = Literals.javaDuration(timeout.limit(), speed) + ".toNanos()";
        comment("timeout " + limit + ": give up on these steps after " + limit + "; the task goes on");
        out.add("long " + deadline + " = " + (outer == null ? "System.nanoTime() + " + nanos
                : "Math.min(" + outer + ", System.nanoTime() + " + nanos + ")") + ";");
        out.open("try {");
        inner(timeout.body());
        out.close().open("} catch (GaveUp gaveUp) {");
        if (outer == null) {
            comment("gave up after " + limit + "; the task goes on");
        } else {
            out.open("if (System.nanoTime() >= " + outer + ") {").add("throw gaveUp; // the outer timeout is over too")
                    .close("}");
        }
        out.close("}");
    }

    @Override
    void fail(String message) {
        out.add("throw new IllegalStateException(" + Literals.quoted(message) + ");");
    }
}
