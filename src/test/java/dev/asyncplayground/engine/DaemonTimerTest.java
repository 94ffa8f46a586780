package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A daemon timer has its thread before anything is scheduled, and forgets cancelled tasks at once. */
class DaemonTimerTest {

    @Test
    void startsItsDaemonThreadBeforeAnythingIsScheduled() {
        ScheduledExecutorService timer = DaemonTimer.started("daemon-timer-test-start");
        try {
            List<Thread> named = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("daemon-timer-test-start")).toList();

            assertEquals(1, named.size());
            assertTrue(named.getFirst().isAlive());
            assertTrue(named.getFirst().isDaemon());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void dropsACancelledTaskFromItsQueueAtOnceRatherThanWhenItWasDue() {
        ScheduledExecutorService timer = DaemonTimer.started("daemon-timer-test-cancel");
        try {
            ScheduledFuture<?> guard = timer.schedule(() -> { }, 1, TimeUnit.HOURS);
            guard.cancel(false);

            assertTrue(((ScheduledThreadPoolExecutor) timer).getQueue().isEmpty());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void runsWhatIsScheduled() throws Exception {
        ScheduledExecutorService timer = DaemonTimer.started("daemon-timer-test-run");
        try {
            assertEquals("daemon-timer-test-run",
                    timer.schedule(() -> Thread.currentThread().getName(), 1, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS));
        } finally {
            timer.shutdownNow();
        }
    }
}
