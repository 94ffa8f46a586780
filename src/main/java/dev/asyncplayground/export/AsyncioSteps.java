package dev.asyncplayground.export;

import dev.asyncplayground.scenario.Step;
import java.util.List;

/**
 * A task's steps as an asyncio coroutine: {@code await asyncio.sleep}, {@code async with} a lock,
 * {@code await} an event that a task sets when it ends, and {@code asyncio.wait_for} around the
 * steps of a timeout (written as a coroutine of their own).
 *
 * <p>A cpu step is a plain call: it holds the event loop, as it does in the playground's event loop.
 */
final class AsyncioSteps extends PythonWalk {

    private int inners;

    AsyncioSteps(Lines out, Names names, double speed) {
        super(out, names, speed);
    }

    /** Writes the body of a task, starting with its {@code after} tasks. */
    void task(List<String> after, List<Step> steps) {
        inners = 0;
        for (String task : after) {
            out.add("await ended[" + Literals.quoted(task) + "].wait()  # starts after " + Literals.quoted(task));
        }
        body(steps);
    }

    @Override
    void pause(Step.Wait wait, String deadline) {
        out.add("await asyncio.sleep(" + seconds(wait.duration()) + ")" + label(wait.label(), wait.duration()));
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
        out.open("async with " + lock + ":");
        inner(locked.body());
        out.close();
    }

    @Override
    void await(List<String> tasks, String deadline) {
        for (String task : tasks) {
            out.add("await ended[" + Literals.quoted(task) + "].wait()  # await " + Literals.quoted(task));
        }
    }

    @Override
    void timeout(Step.Timeout timeout, String deadline, String outer) {
        String steps = ++inners == 1 ? "steps" : "steps_" + inners;
        String limit = Literals.scenario(timeout.limit());
        out.open("async def " + steps + "():  # the steps under 'timeout " + limit + "'");
        inner(timeout.body());
        out.close();
        out.open("try:").add("await asyncio.wait_for(" + steps + "(), timeout=" + seconds(timeout.limit()) + ")")
                .close();
        out.open("except asyncio.TimeoutError:").add("pass  # gave up after " + limit + "; the task goes on")
                .close();
    }

    @Override
    void fail(String message) {
        out.add("raise RuntimeError(" + Literals.quoted(message) + ")");
    }
}
