package dev.asyncplayground.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the engine's thread bodies that are still running, so a leak shows. */
final class LiveThreads {

    private final AtomicInteger live = new AtomicInteger();

    /** Wraps a thread body so that it counts as live from its first to its last instruction. */
    Runnable counted(Runnable body) {
        return () -> {
            live.incrementAndGet();
            try {
                body.run();
            } finally {
                live.decrementAndGet();
            }
        };
    }

    /** How many counted bodies are running now. */
    int count() {
        return live.get();
    }
}
