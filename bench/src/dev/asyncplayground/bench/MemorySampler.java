package dev.asyncplayground.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples heap use and resident memory on a background platform thread, and counts collections.
 *
 * <p>Heap is sampled every {@value #HEAP_EVERY_MS} ms, resident memory ({@code VmRSS}) every
 * {@value #RSS_EVERY} heap samples; collections and their accumulated pause/cycle time come from
 * the collectors' MXBeans, as a difference between {@link #start()} and {@link #stop()}.
 */
final class MemorySampler {

    private static final long HEAP_EVERY_MS = 10;
    private static final int RSS_EVERY = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private volatile long peakHeap;
    private volatile long peakRss;
    private Thread sampler;
    private Machine.GcTotals collectionsAtStart;

    /** What was seen between start and stop. */
    record Figures(long peakHeapBytes, long peakRssBytes, long collections, long collectionMillis) {}

    /** Starts sampling from now. */
    void start() {
        collectionsAtStart = Machine.collections();
        peakHeap = memory.getHeapMemoryUsage().getUsed();
        peakRss = Machine.residentBytes();
        running = true;
        sampler = Thread.ofPlatform().name("bench-memory-sampler").daemon(true).start(this::sample);
    }

    /** Stops sampling and returns the peaks and the collections since {@link #start()}. */
    Figures stop() throws InterruptedException {
        running = false;
        sampler.join();
        Machine.GcTotals collections = Machine.collections().since(collectionsAtStart);
        return new Figures(peakHeap, peakRss, collections.count(), collections.millis());
    }

    private void sample() {
        int round = 0;
        while (running) {
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            if (round++ % RSS_EVERY == 0) {
                peakRss = Math.max(peakRss, Machine.residentBytes());
            }
            try {
                Thread.sleep(HEAP_EVERY_MS);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }
}
