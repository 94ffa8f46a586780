package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The virtual-threads model's tasks run on carriers of their own, apart from the web server's.
 *
 * <p>The build opens {@code java.lang} to the tests (Surefire's {@code argLine}) as the app's start
 * commands do; {@code web.ServerDuringCpuRunsTest} starts servers with and without it.
 */
class CarrierPoolTest {

    @Test
    void theTestJvmGivesTasksCarriersOfTheirOwnAsTheAppsStartCommandsDo() {
        assertEquals(Optional.empty(), CarrierPool.missing());
    }

    @Test
    void aTaskThreadRunsOnThePoolAndAnyOtherVirtualThreadDoesNot() throws InterruptedException {
        AtomicReference<String> task = new AtomicReference<>();
        AtomicReference<String> other = new AtomicReference<>();
        CarrierPool.threads().start(() -> task.set(Threads.current())).join();
        Thread.ofVirtual().start(() -> other.set(Threads.current())).join();
        assertTrue(CarrierPool.isOwn(task.get()), task.get());
        assertTrue(task.get().matches("ForkJoinPool-\\d+-worker-\\d+"),
                "named as the JDK names carriers: " + task.get());
        assertFalse(CarrierPool.isOwn(other.get()), other.get());
    }

    @Test
    void tasksOnThePoolNeedNoTokensItsCarriersAreOnePerCoreAlready() {
        assertSame(Carriers.UNLIMITED, CarrierPool.tokens());
    }

    /**
     * The leaver computes, like a chess master's move, and unlocks as if about to sleep; then it
     * computes 30 ms more first. Had the unlock woken the other carrier, the next holder would have
     * run there at once.
     */
    @Test
    void aThreadWokenByOneAboutToSleepRunsOnThatThreadsCarrierOnceItIsFree() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(true);
        CountDownLatch locked = new CountDownLatch(1);
        AtomicReference<String> leaverCarrier = new AtomicReference<>();
        AtomicReference<String> holderCarrier = new AtomicReference<>();
        AtomicLong leaverFree = new AtomicLong();
        AtomicLong holderGotIt = new AtomicLong();
        Thread leaver = CarrierPool.threads().start(() -> {
            lock.lock();
            locked.countDown();
            try {
                while (!lock.hasQueuedThreads()) {
                    Thread.sleep(1);
                }
                Thread.sleep(Duration.ofMillis(20));
                compute(Duration.ofMillis(5));
                CarrierPool.beforeSleeping(() -> {
                    lock.unlock();
                    return true;
                });
                leaverCarrier.set(Threads.current());
                compute(Duration.ofMillis(30));
                leaverFree.set(System.nanoTime());
                Thread.sleep(Duration.ofMillis(10));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        locked.await();
        Thread holder = CarrierPool.threads().start(() -> {
            lock.lock();
            holderGotIt.set(System.nanoTime());
            holderCarrier.set(Threads.current());
            lock.unlock();
        });
        leaver.join();
        holder.join();
        assertTrue(holderGotIt.get() >= leaverFree.get(), "the holder ran "
                + (leaverFree.get() - holderGotIt.get()) / 1000 + " us before the leaver's carrier was free");
        assertEquals(leaverCarrier.get(), holderCarrier.get());
    }

    private static void compute(Duration duration) {
        for (long until = System.nanoTime() + duration.toNanos(); System.nanoTime() < until; ) {
            Thread.onSpinWait();
        }
    }
}
