package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks how events name the OS thread they ran on. */
class ThreadsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1        | ForkJoinPool-1-worker-1",
            "VirtualThread[#23,task-0]/runnable@ForkJoinPool-1-worker-12 | ForkJoinPool-1-worker-12",
            "VirtualThread[#24,a@b]/runnable@ForkJoinPool-3-worker-2     | ForkJoinPool-3-worker-2",
            "run-abc                                                     | run-abc",
    })
    void carrierOfTakesWhatFollowsTheLastAt(String description, String carrier) {
        assertEquals(carrier, Threads.carrierOf(description));
    }

    @Test
    void aPlatformThreadIsNamedByItsOwnName() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("run-test").start(() -> seen.set(Threads.current()));
        thread.join();
        assertEquals("run-test", seen.get());
    }

    @Test
    void aVirtualThreadIsNamedByItsCarrier() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().name("task-7").start(() -> seen.set(Threads.current()));
        thread.join();
        assertTrue(seen.get().matches("ForkJoinPool-\\d+-worker-\\d+"), seen.get());
    }
}
