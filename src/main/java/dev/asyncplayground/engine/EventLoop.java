package dev.asyncplayground.engine;

import java.time.Duration;

/**
 * One thread running every task, asyncio style.
 *
 * <p>All tasks are created at once and run in turn until they need to wait: a wait becomes a
 * timer, a lock or an await parks the task in the {@link Agenda} without holding the thread, and
 * the loop sleeps until the next timer when nothing is ready. A CPU step burns on the loop thread
 * itself, so every other task is held up until it ends. Interrupting the loop thread ends every
 * unfinished task as cancelled. Before it sleeps, the loop lets viewers see the tasks that ended.
 */
final class EventLoop {

    private final RunState run;
    private final Agenda agenda;
    private final TaskCursor[] cursors;
    private int unfinished;

    EventLoop(RunState run) {
        this.run = run;
        int tasks = run.tasks().size();
        this.agenda = new Agenda(tasks, run::ended);
        this.cursors = new TaskCursor[tasks];
        for (int task = 0; task < tasks; task++) {
            cursors[task] = new TaskCursor(run, task, agenda::unlock);
            agenda.ready(task, true);
        }
        this.unfinished = tasks;
    }

    /** Runs until every task has ended. */
    void run() throws InterruptedException {
        try {
            while (unfinished > 0) {
                if (Thread.interrupted() || run.stopping()) {
                    throw new InterruptedException("run stopped");
                }
                agenda.fireDue(System.nanoTime());
                Agenda.Resume next = agenda.nextReady();
                if (next != null) {
                    drive(next.task(), next.met());
                } else {
                    run.publish();
                    run.wakeViewersBeforeSleeping();
                    sleepUntil(agenda.nextTimerAt());
                }
            }
        } catch (InterruptedException stopped) {
            for (TaskCursor cursor : cursors) {
                cursor.cancel();
            }
            throw stopped;
        }
    }

    private void drive(int task, boolean met) throws InterruptedException {
        TaskCursor cursor = cursors[task];
        Need need = cursor.advance(met);
        while (need != null) {
            need = switch (need) {
                case Need.Sleep sleep -> {
                    agenda.sleep(task, sleep);
                    yield null;
                }
                case Need.Burn burn -> {
                    boolean done = run.burn(burn);
                    agenda.fireDue(System.nanoTime());
                    yield cursor.advance(done);
                }
                case Need.Lock lock -> agenda.lock(task, lock) ? cursor.advance(true) : null;
                case Need.Join join -> agenda.join(task, join) ? cursor.advance(true) : null;
                case Need.Finished finished -> {
                    unfinished--;
                    agenda.ended(task);
                    yield null;
                }
            };
        }
    }

    /** Sleeps until the given time; with no timer at all (every task stuck), until interrupted. */
    private static void sleepUntil(long at) throws InterruptedException {
        if (at == Long.MAX_VALUE) {
            Thread.sleep(Long.MAX_VALUE);
        }
        for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
