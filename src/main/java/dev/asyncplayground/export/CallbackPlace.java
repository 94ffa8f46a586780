package dev.asyncplayground.export;

/**
 * The {@code Place} class of the callbacks style: a task's place in its chain of callbacks, kept
 * so that its timeouts can give up.
 *
 * <p>A task with a timeout schedules its waits, locks and awaits through its place, which keeps the
 * one handle or future the task waits on, the locks it holds and the timers of the timeouts it is
 * inside. A timeout's timer that goes off cancels that handle (a wait's {@code TimerHandle}, a lock
 * not yet given, the shield around another task's end), cancels the timeouts inside it, lets go of
 * the locks taken inside it and calls the function after the timeout's steps. A future that is
 * done just as the timer goes off has its callback already queued: that callback sees it has been
 * given up on, and gives back a lock that came too late.
 */
final class CallbackPlace {

    private static final String PYTHON = """
            class Place:
                \"""Where a task is in its chain of callbacks, so that a timeout can give up on the steps inside.\"""

                def __init__(self):
                    self.waiting = None  # what the task waits for: a TimerHandle, or a future
                    self.held = []       # the locks it holds, the last taken last
                    self.timeouts = []   # the timers of the timeouts it is inside, the innermost last

                def wait(self, seconds, step, *args):
                    \"""Calls step(*args) after `seconds`, as loop.call_later does.\"""
                    self.waiting = loop.call_later(seconds, step, *args)

                def after(self, future, step):
                    \"""Calls step() once `future` is done, unless a timeout has given up on it by then.\"""
                    self.waiting = future
                    future.add_done_callback(lambda _: step() if self.waiting is future else None)

                def take(self, lock, step):
                    \"""Calls step() holding `lock`, unless a timeout has given up on the lock by then.\"""
                    def taken(acquiring):
                        if self.waiting is not acquiring:  # given up on just as the lock came: give it back
                            if not acquiring.cancelled():
                                lock.release()
                            return
                        self.held.append(lock)
                        step()

                    self.waiting = asyncio.ensure_future(lock.acquire())
                    self.waiting.add_done_callback(taken)

                def release(self, lock):
                    self.held.remove(lock)
                    lock.release()

                def timeout(self, seconds, then):
                    \"""Enters a timeout: after `seconds`, gives up on the steps inside it and calls then().\"""
                    inside, locks = len(self.timeouts), len(self.held)
                    self.timeouts.append(loop.call_later(seconds, self.give_up, inside, locks, then))

                def in_time(self):
                    \"""Leaves the innermost timeout, whose steps ended in time: its timer will not go off.\"""
                    self.timeouts.pop().cancel()

                def deadline(self):
                    \"""When the innermost deadline passes, in loop.time() (time.monotonic()).\"""
                    return min(timer.when() for timer in self.timeouts)

                def give_up(self, inside, locks, then):
                    \"""A timeout expired: stops what is inside it, and the task goes on with then().\"""
                    self.stop(inside, locks)
                    then()

                def stop(self, inside=0, locks=0):
                    \"""Cancels the wait and the timeouts after the first `inside`, and lets go of the locks
                    after the first `locks`; with no arguments (a failed task), every one of them.
                    \"""
                    waiting, self.waiting = self.waiting, None
                    if waiting is not None:
                        waiting.cancel()
                    while len(self.timeouts) > inside:
                        self.timeouts.pop().cancel()
                    while len(self.held) > locks:
                        self.held.pop().release()
            """;

    private CallbackPlace() {
    }

    /** Writes the class, at the top level of the file. */
    static void python(Lines out) {
        out.blank();
        PYTHON.lines().forEach(out::add);
        out.blank().blank();
    }
}
