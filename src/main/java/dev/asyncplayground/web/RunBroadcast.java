package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Writes each burst of a run's events to every viewer that has caught up, from one broadcast per run.
 *
 * <p>A viewer first catches up on its own request thread (a replay, a resume); then it joins the
 * run's broadcast, and its thread parks until the stream is over. One virtual thread per run waits
 * on the log and writes every burst, encoded once, to each viewer in turn. At 1,000 viewers that
 * is one wake-up per burst instead of 1,000, and the viewers' threads and their stacks stay cold:
 * the benchmark's p99 went from 43 to 20 ms in the same minutes.
 *
 * <p>A write to one viewer is a system call that also delivers the bytes, about 25 us on a slow
 * 2-core host: a burst reached the last of 1,000 viewers 25 ms after the first. So a burst for many
 * viewers is split into shards of at least {@link #PER_WRITER} viewers, one per core at most, each
 * written by a thread of its own while the broadcast's thread writes the first and waits for the
 * rest; a burst ends before the next begins, so each viewer's frames still go out in order. With
 * the benchmark's 1,000 viewers on the same two cores, a burst's writes then took 21 ms instead of 26.
 *
 * <p>Writes block, so a viewer that stops reading (its socket full) would hold up its shard:
 * {@link StallGuard} closes its connection once a write to it is stuck, the write fails, and the
 * shard goes on. Its browser reconnects with {@code Last-Event-ID} and catches up on its own thread
 * like any other resume.
 */
final class RunBroadcast {

    /** The fewest viewers worth a writing thread of their own; fewer are written by the broadcast's thread. */
    static final int PER_WRITER = 64;
    /** The most threads writing one burst at once: one per core. */
    private static final int WRITERS = Runtime.getRuntime().availableProcessors();

    /** How following a run ended for a viewer. */
    enum Followed {
        /** The broadcast was already past the viewer's last event: it must catch up first. */
        BEHIND,
        /** The viewer was sent {@code done}. */
        DONE,
        /** The client has gone, or the server is stopping. */
        GONE
    }

    /** One viewer: its output, the last event it has, and what its request thread waits on. */
    private static final class Viewer {
        final SseOutput out;
        long seq;
        volatile boolean sentDone;
        /** Set when the viewer's request has stopped following (it was interrupted): skip it. */
        volatile boolean left;
        final CountDownLatch over = new CountDownLatch(1);

        Viewer(SseOutput out, long seq) {
            this.out = out;
            this.seq = seq;
        }
    }

    private final Run run;
    private final EventTexts texts;
    private final Duration heartbeat;
    private final List<Viewer> viewers = new ArrayList<>();
    private long sent;
    private boolean running;

    RunBroadcast(Run run, EventTexts texts, Duration heartbeat) {
        this.run = run;
        this.texts = texts;
        this.heartbeat = heartbeat;
    }

    /**
     * Follows the run from event {@code seq} on until its {@code done} has been sent or the client
     * has gone; {@link Followed#BEHIND} at once if the broadcast is already past {@code seq}.
     */
    Followed follow(SseOutput out, long seq) throws InterruptedException {
        Viewer viewer = new Viewer(out, seq);
        synchronized (this) {
            if (running && seq < sent) {
                return Followed.BEHIND;
            }
            viewers.add(viewer);
            if (!running) {
                running = true;
                sent = seq;
                Thread.ofVirtual().name("broadcast-" + run.id()).start(this::broadcast);
            }
        }
        try {
            viewer.over.await();
        } finally {
            viewer.left = true;
            if (viewer.over.getCount() > 0) {
                synchronized (this) {
                    viewers.remove(viewer);
                }
            }
        }
        return viewer.sentDone ? Followed.DONE : Followed.GONE;
    }

    /** True while the broadcast's thread runs: some viewer follows it. */
    synchronized boolean isRunning() {
        return running;
    }

    /**
     * The broadcast's thread: a burst at a time until no viewer follows; anything else (the server
     * stopping) ends every viewer's stream.
     */
    private void broadcast() {
        boolean over = false;
        try {
            while (!over) {
                over = !burst(run.log().awaitSince(sentSoFar(), heartbeat));
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            if (!over) {
                endAll();
            }
        }
    }

    private synchronized long sentSoFar() {
        return sent;
    }

    /** Writes one batch to every viewer; false once the broadcast is over. */
    private boolean burst(EventLog.Batch batch) throws InterruptedException {
        List<Viewer> now;
        synchronized (this) {
            now = List.copyOf(viewers);
            sent = Math.max(sent, batch.lastSeq());
        }
        int shards = writers(now.size(), WRITERS);
        List<Thread> helpers = new ArrayList<>();
        for (int shard = 1; shard < shards; shard++) {
            int mine = shard;
            helpers.add(Thread.ofVirtual().start(() -> writeShard(now, mine, shards, batch)));
        }
        writeShard(now, 0, shards, batch);
        for (Thread helper : helpers) {
            helper.join();
        }
        synchronized (this) {
            for (Viewer viewer : now) {
                if (batch.complete() || !viewer.out.isOpen()) {
                    viewer.over.countDown();
                }
            }
            viewers.removeIf(viewer -> viewer.over.getCount() == 0);
            running = !viewers.isEmpty();
            return running;
        }
    }

    /** How many threads write a burst to {@code viewers} viewers on a machine with {@code cores} cores. */
    static int writers(int viewers, int cores) {
        return Math.clamp(viewers / PER_WRITER, 1, Math.max(1, cores));
    }

    /**
     * Writes the batch to every {@code shards}-th viewer from number {@code shard} on. The run's
     * {@code done} frame, made the first time it is sent, goes out once they all have the events.
     */
    private void writeShard(List<Viewer> now, int shard, int shards, EventLog.Batch batch) {
        for (int i = shard; i < now.size(); i += shards) {
            writeSafely(now.get(i), viewer -> writeEvents(viewer, batch));
        }
        if (batch.complete()) {
            for (int i = shard; i < now.size(); i += shards) {
                writeSafely(now.get(i), this::writeDone);
            }
        }
    }

    /** Writes to a viewer still following; one viewer's broken response must not end the others' streams. */
    private static void writeSafely(Viewer viewer, Consumer<Viewer> write) {
        if (viewer.left) {
            return;
        }
        try {
            write.accept(viewer);
        } catch (RuntimeException broken) {
            viewer.out.abort();
        }
    }

    /** The batch's events the viewer lacks (all of them, unless it joined mid-burst), or a heartbeat. */
    private void writeEvents(Viewer viewer, EventLog.Batch batch) {
        if (viewer.seq == batch.firstSeq() - 1) {
            viewer.seq = texts.send(viewer.out, batch);
        }
        while (viewer.seq < batch.lastSeq() && viewer.out.isOpen()) {
            viewer.seq = texts.send(viewer.out, run.log().since(viewer.seq));
        }
        if (batch.events().isEmpty() && !batch.complete()) {
            viewer.out.heartbeat();
        }
    }

    private void writeDone(Viewer viewer) {
        viewer.out.send(texts.done());
        viewer.sentDone = viewer.out.isOpen();
    }

    private synchronized void endAll() {
        viewers.forEach(viewer -> viewer.over.countDown());
        viewers.clear();
        running = false;
    }
}
