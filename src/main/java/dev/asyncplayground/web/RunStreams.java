package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import java.time.Duration;

/**
 * The event streams open on one run: the frames and the broadcast they share, and the point at
 * which they close.
 *
 * <p>A run's viewers all wake at its end. If each closed its connection as soon as it had sent
 * {@code done}, closing (Jetty completing the response, the socket shut) would run on the same
 * carriers as the writes of the viewers still sending their last events: at 1,000 viewers that
 * made the run's last burst reach them 45-100 ms late, against 10-20 ms for the others. So a
 * stream that has sent {@code done} waits, at most {@link #CLOSE_TOGETHER_WITHIN}, until every
 * other open stream of the run has sent it too, and then they all close. The viewers already have
 * {@code done} by then; only the closing waits.
 */
final class RunStreams {

    /** The longest a stream that has sent {@code done} waits for the run's other streams. */
    static final Duration CLOSE_TOGETHER_WITHIN = Duration.ofMillis(250);

    private final EventTexts texts;
    private final RunBroadcast broadcast;
    private final Duration closeTogetherWithin;
    private int open;
    private int doneSent;

    /** @param heartbeat how long the broadcast may stay silent before it sends a comment */
    RunStreams(Run run, Duration heartbeat) {
        this(run, heartbeat, CLOSE_TOGETHER_WITHIN);
    }

    /** For tests: another longest wait. */
    RunStreams(Run run, Duration heartbeat, Duration closeTogetherWithin) {
        this.texts = new EventTexts(run);
        this.broadcast = new RunBroadcast(run, texts, heartbeat);
        this.closeTogetherWithin = closeTogetherWithin;
    }

    /** The frames this run's streams share. */
    EventTexts texts() {
        return texts;
    }

    /** The broadcast that the run's streams follow once they have caught up. */
    RunBroadcast broadcast() {
        return broadcast;
    }

    synchronized void opened() {
        open++;
    }

    /** A stream ended; true if it was the run's last. */
    synchronized boolean closed(boolean sentDone) {
        open--;
        if (sentDone) {
            doneSent--;
        }
        wakeWaitersIfAllDone();
        return open == 0;
    }

    /**
     * Notes that a stream has sent {@code done} and waits until every open stream of the run has,
     * or {@link #CLOSE_TOGETHER_WITHIN} has passed.
     */
    synchronized void sentDoneAwaitOthers() throws InterruptedException {
        doneSent++;
        wakeWaitersIfAllDone();
        long deadline = System.nanoTime() + closeTogetherWithin.toNanos();
        for (long left = closeTogetherWithin.toNanos(); doneSent < open && left > 0;
                left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Wakes the waiting streams once, when the last one sends {@code done}: never a thousand times. */
    private void wakeWaitersIfAllDone() {
        if (doneSent >= open) {
            notifyAll();
        }
    }
}
