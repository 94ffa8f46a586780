package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waiting for a run's worker threads: every one has ended when the wait returns, and a stop stops them all. */
class WorkersTest {

    private static final int THREADS = 100;
    private static final Path OWN_STATUS = Path.of("/proc/thread-self/status");

    @Test
    void returnsOnceEveryThreadHasEnded() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(THREADS);
        AtomicInteger finished = new AtomicInteger();
        List<Thread> threads = endingOneByOne(ended, finished);

        Workers.joinAll(threads, ended);

        assertEquals(THREADS, finished.get());
        assertTrue(threads.stream().noneMatch(Thread::isAlive));
    }

    /**
     * Joining threads that end one by one woke the waiter once for each: with 200 computing tasks
     * ending in a second, 200 wake-ups of the run's own thread, each taking a core from a task.
     */
    @Test
    void wakesTheWaiterAFewTimesRatherThanOnceForEveryThread() throws Exception {
        assumeTrue(Files.isReadable(OWN_STATUS), "reads its own context switches from /proc (Linux)");
        CountDownLatch ended = new CountDownLatch(THREADS);
        List<Thread> threads = endingOneByOne(ended, new AtomicInteger());

        long before = ownWaits();
        Workers.joinAll(threads, ended);
        long waits = ownWaits() - before;

        assertTrue(waits < THREADS / 5, "the waiter went to sleep " + waits + " times for " + THREADS
                + " threads ending one by one");
    }

    @Test
    void anInterruptedWaiterStopsEveryThreadAndSaysSo() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(2);
        List<Thread> threads = List.of(Thread.ofVirtual().start(WorkersTest::sleepLong),
                Thread.ofVirtual().start(WorkersTest::sleepLong));
        Thread.currentThread().interrupt();

        assertThrows(InterruptedException.class, () -> Workers.joinAll(threads, ended));

        assertTrue(threads.stream().noneMatch(Thread::isAlive));
    }

    /** Virtual threads that end 1 ms apart, each counting itself {@code ended}. */
    private static List<Thread> endingOneByOne(CountDownLatch ended, AtomicInteger finished) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= THREADS; i++) {
            long millis = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(millis);
                    finished.incrementAndGet();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } finally {
                    ended.countDown();
                }
            }));
        }
        return threads;
    }

    private static void sleepLong() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many times this thread has gone to sleep of its own accord (Linux's voluntary context switches). */
    private static long ownWaits() throws IOException {
        return Files.readAllLines(OWN_STATUS).stream().filter(line -> line.startsWith("voluntary_ctxt_switches"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
