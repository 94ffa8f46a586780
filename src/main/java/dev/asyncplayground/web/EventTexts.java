package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.EventLog;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The SSE frames of a run's recent events, encoded once and shared by every viewer of the run.
 *
 * <p>Live viewers all read near the end of the log, so a ring of the last {@value #KEPT} events
 * serves them, and they mostly wake to the same burst, so the last batch frame is kept too; a
 * viewer replaying older events makes their frames again. The {@code done} frame, carrying the
 * summary, the largest and slowest to make, is made once, under a lock: the viewers who wake
 * together at the run's end wait for the one making it instead of each making it at once. Two
 * viewers racing for the same event or batch frame may both make it: the bytes are equal, so
 * either may win, and a viewer replaying a long run never holds up the live ones.
 */
final class EventTexts {

    static final int KEPT = 4096;
    /** More events than this, found at once, go out as {@code batch} messages. */
    static final int BATCH_ABOVE = 1;
    /** The most events in one {@code batch} message. */
    static final int MAX_BATCH = 2000;

    private final EventJson json;
    private final AtomicReferenceArray<Text> ring = new AtomicReferenceArray<>(KEPT);
    private final Run run;
    private final Object makingDone = new Object();
    private volatile byte[] done;
    private volatile Batch lastBatch;

    private record Text(long seq, String json, byte[] message) {}

    private record Batch(long firstSeq, int size, byte[] frame) {}

    EventTexts(Run run) {
        this.run = run;
        this.json = new EventJson(run.taskNames(), run.options().speed());
    }

    /**
     * The final {@code done} frame, whose id follows the last event's. Asked for only once the
     * run's log is closed, when its status, summary and last sequence number no longer change.
     */
    byte[] done() {
        byte[] frame = done;
        if (frame != null) {
            return frame;
        }
        synchronized (makingDone) {
            if (done == null) {
                done = SseOutput.frame("done", run.log().end().lastSeq() + 1, Json.write(RunJson.of(run)));
            }
            return done;
        }
    }

    /**
     * Sends what the log gave: one event as a message, more as batch messages of up to
     * {@value #MAX_BATCH} events, one write each; returns the last event's sequence number.
     */
    long send(SseOutput out, EventLog.Batch batch) {
        List<TimelineEvent> events = batch.events();
        long seq = batch.firstSeq() - 1;
        if (events.size() <= BATCH_ABOVE) {
            for (TimelineEvent event : events) {
                out.send(message(++seq, event));
            }
            return seq;
        }
        for (int from = 0; from < events.size(); from += MAX_BATCH) {
            List<TimelineEvent> chunk = events.subList(from, Math.min(events.size(), from + MAX_BATCH));
            out.send(batch(seq + 1, chunk));
            seq += chunk.size();
        }
        return seq;
    }

    /** Event number {@code seq} alone, as a {@code message} frame. */
    byte[] message(long seq, TimelineEvent event) {
        return text(seq, event).message();
    }

    /**
     * Consecutive events from number {@code firstSeq} on, as one {@code batch} frame: a JSON array
     * whose id is the last event's.
     */
    byte[] batch(long firstSeq, List<TimelineEvent> events) {
        Batch kept = lastBatch;
        if (kept != null && kept.firstSeq() == firstSeq && kept.size() == events.size()) {
            return kept.frame();
        }
        StringJoiner array = new StringJoiner(",", "[", "]");
        long seq = firstSeq;
        for (TimelineEvent event : events) {
            array.add(text(seq++, event).json());
        }
        byte[] frame = SseOutput.frame("batch", seq - 1, array.toString());
        lastBatch = new Batch(firstSeq, events.size(), frame);
        return frame;
    }

    private Text text(long seq, TimelineEvent event) {
        int slot = (int) (seq % KEPT);
        Text kept = ring.get(slot);
        if (kept != null && kept.seq() == seq) {
            return kept;
        }
        String text = Json.write(json.toJson(seq, event));
        Text made = new Text(seq, text, SseOutput.frame("message", seq, text));
        ring.set(slot, made);
        return made;
    }
}
