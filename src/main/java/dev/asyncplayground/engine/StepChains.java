package dev.asyncplayground.engine;

/**
 * The longest chain of resumptions one after another in a simulated run: a task going on after a
 * wait, a CPU step, a lock handed to it, an awaited end, or a free thread.
 *
 * <p>A real run pays a little time of its own at each resumption (a late wake-up, a lock handed
 * from one thread to another), and along a chain those times add up: the {@code sequential} chess
 * simul's boards run one after another, the {@code virtual-threads} one's master hands its lock
 * from board to board. A task resuming is one step further along the longer of its own chain and
 * the chain of whatever readied it: the task that released the lock, ended, or left its thread or
 * carrier. In {@code sequential}, whose one thread takes each task's steps straight through, going
 * on after a cpu step wakes nobody and does not count: 200 cpu steps of 10 ms in a row ended 4-5
 * ms over their ideal at real time, 0.02-0.03 ms a step. On the event loop, whose thread also goes
 * straight on, such steps cost more: the chess simul of 20 boards, whose chain counted them no
 * more, went fast enough to miss its bar (docs/benchmarks.md, 2026-11-30 04:05-05:25 UTC).
 */
final class StepChains {

    private static final int NOBODY = -1;

    private final long[] length;
    private final long[] readyAt;
    private final boolean[] started;
    private final boolean straightOn;
    private int current = NOBODY;
    private long leftCarrier;
    private long longest;

    /** Chains of {@code tasks} tasks; {@code straightOn} where one thread takes each task's steps straight through. */
    StepChains(int tasks, boolean straightOn) {
        this.length = new long[tasks];
        this.readyAt = new long[tasks];
        this.started = new boolean[tasks];
        this.straightOn = straightOn;
    }

    /**
     * The task goes on now: one more resumption on its chain, unless it starts. A task starts on the
     * thread that readied it, or on a fresh one, with nobody to wake.
     */
    void resumes(int task) {
        current = task;
        if (started[task]) {
            longest = Math.max(longest, ++length[task]);
        }
        started[task] = true;
    }

    /** The task goes on now, after its own cpu step: one more resumption, unless it goes straight on. */
    void goesOnAfterItsCpuStep(int task) {
        if (straightOn) {
            current = task;
        } else {
            resumes(task);
        }
    }

    /** The task became ready at {@code now}, readied by the task going on, if any (a timer fired otherwise). */
    void readied(int task, long now) {
        readyAt[task] = now;
        if (current != NOBODY && current != task) {
            length[task] = Math.max(length[task], length[current]);
        }
    }

    /** No task goes on: what becomes ready now was readied by a timer. */
    void timersFire() {
        current = NOBODY;
    }

    /** The task going on lets go of its carrier. */
    void leavesCarrier() {
        if (current != NOBODY) {
            leftCarrier = length[current];
        }
    }

    /** The task gets a carrier at {@code now}; if it had to wait for one, it went on after the task that left it. */
    void getsCarrier(int task, long now) {
        if (readyAt[task] < now) {
            length[task] = Math.max(length[task], leftCarrier);
        }
    }

    /** The most resumptions one after another. */
    long longest() {
        return longest;
    }
}
