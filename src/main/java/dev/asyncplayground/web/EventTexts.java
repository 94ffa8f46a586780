package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.TimelineEvent;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JSON text of a run's recent events, made once and shared by every viewer of the run.
 *
 * <p>The {@code done} event's summary, the largest text of all, is made once too. Live viewers
 * all read near the end of the log, so a ring of the last {@value #KEPT} events
 * serves them; a viewer replaying older events makes their text again. Two viewers racing for
 * the same event may both make it: the texts are equal, so either may win.
 */
final class EventTexts {

    static final int KEPT = 4096;

    private final EventJson json;
    private final AtomicReferenceArray<Text> ring = new AtomicReferenceArray<>(KEPT);
    private final Run run;
    private volatile String done;

    private record Text(long seq, String json) {}

    EventTexts(Run run) {
        this.run = run;
        this.json = new EventJson(run.taskNames(), run.options().speed());
    }

    /**
     * The text of the final {@code done} event. Asked for only once the run's log is closed, when
     * its status and summary no longer change.
     */
    String done() {
        String text = done;
        if (text == null) {
            text = Json.write(RunJson.of(run));
            done = text;
        }
        return text;
    }

    /** The JSON text of event number {@code seq}. */
    String of(long seq, TimelineEvent event) {
        int slot = (int) (seq % KEPT);
        Text kept = ring.get(slot);
        if (kept != null && kept.seq() == seq) {
            return kept.json();
        }
        String text = Json.write(json.toJson(seq, event));
        ring.set(slot, new Text(seq, text));
        return text;
    }
}
