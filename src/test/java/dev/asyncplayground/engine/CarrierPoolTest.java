package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
}
