package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Step;
import java.util.List;

/**
 * A task's steps as blocking Python: {@code time.sleep}, a CPU burn, locks and events of
 * {@code threading} (or {@code multiprocessing}), futures for {@code concurrent.futures}.
 *
 * <p>A timeout keeps its deadline in a variable; the steps under it stop there and raise
 * {@code TimeoutError}, which the timeout's {@code except} catches so the task goes on.
 */
final class PythonSteps extends PythonWalk {

    private final Style style;
    private final TaskOrder order;
    private int current;

    /** @param order the tasks' declaration order (sequential needs it) */
    PythonSteps(Lines out, Names names, double speed, Style style, TaskOrder order) {
        super(out, names, speed);
        this.style = style;
        this.order = order;
    }

    /** Writes the body of the task at {@code position}, starting with its {@code after} tasks. */
    void task(int position, List<String> after, List<Step> steps) {
        current = position;
        if (!after.isEmpty()) {
            awaitEnds(after, null, "starts after ");
        }
        body(steps);
    }

    @Override
    void pause(Step.Wait wait, String deadline) {
        if (deadline == null) {
            out.add("time.sleep(" + seconds(wait.duration()) + ")" + label(wait.label(), wait.duration()));
        } else {
            used.add("pause");
            out.add("pause(" + seconds(wait.duration()) + ", " + deadline + ")"
                    + label(wait.label(), wait.duration()));
        }
    }

    @Override
    void cpu(Step.Cpu cpu, String deadline) {
        used.add("burn");
        String until = deadline == null ? "" : ", " + deadline;
        out.add("burn(" + seconds(cpu.duration()) + until + ")" + label(cpu.label(), cpu.duration()));
    }

    @Override
    void print(String text) {
        if (style == Style.PLAIN) {
            out.add("print(" + Literals.quoted(text) + ")");
        } else {
            used.add("say");
            out.add("say(" + Literals.quoted(text) + ")");
        }
    }

    @Override
    void locked(Step.Locked locked, String lock, String deadline) {
        if (deadline == null) {
            out.open("with " + lock + ":");
            inner(locked.body());
            out.close();
            return;
        }
        out.open("if not " + lock + ".acquire(timeout=max(0, " + deadline + " - time.monotonic())):")
                .add("raise TimeoutError").close();
        out.open("try:");
        inner(locked.body());
        out.close().open("finally:").add(lock + ".release()").close();
    }

    @Override
    void await(List<String> tasks, String deadline) {
        awaitEnds(tasks, deadline, "await ");
    }

    private void awaitEnds(List<String> tasks, String deadline, String what) {
        for (String task : tasks) {
            String name = Literals.quoted(task);
            if (style == Style.PLAIN) {
                sequentialAwait(task, what);
            } else if (deadline == null) {
                out.add(style == Style.FUTURES ? "wait([ended[" + name + "]])  # " + what + name
                        : "ended[" + name + "].wait()  # " + what + name);
            } else {
                String left = "max(0, " + deadline + " - time.monotonic())";
                out.open(style == Style.FUTURES
                        ? "if wait([ended[" + name + "]], timeout=" + left + ").not_done:  # " + what + name
                        : "if not ended[" + name + "].wait(" + left + "):  # " + what + name)
                        .add("raise TimeoutError").close();
            }
        }
    }

    private void sequentialAwait(String task, String what) {
        String name = Literals.quoted(task);
        if (order.before(task, current)) {
            comment(TaskOrder.alreadyEnded(what, name));
            return;
        }
        out.add("raise RuntimeError(" + Literals.quoted("waits for '" + task
                + "', which has not run yet: sequential runs tasks one at a time, in order") + ")");
    }

    @Override
    void timeout(Step.Timeout timeout, String deadline, String outer) {
        String limit = seconds(timeout.limit());
        comment("timeout " + Literals.scenario(timeout.limit()) + ": give up on these steps after "
                + Literals.scenario(timeout.limit()) + "; the task goes on");
        out.add(deadline + " = " + (outer == null ? "time.monotonic() + " + limit
                : "min(" + outer + ", time.monotonic() + " + limit + ")"));
        out.open("try:");
        inner(timeout.body());
        out.close().open("except TimeoutError:");
        if (outer == null) {
            out.add("pass");
        } else {
            out.open("if time.monotonic() >= " + outer + ":").add("raise  # the outer timeout is over too").close();
        }
        out.close();
    }

    @Override
    void fail(String message) {
        out.add("raise RuntimeError(" + Literals.quoted(message) + ")");
    }
}
