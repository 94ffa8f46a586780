package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A stream whose client has stopped reading is cut off; one that is slow but reading is not. */
class StallGuardTest {

    private static final long LIMIT = Duration.ofMillis(500).toNanos();

    /** A client's connection that takes every write until it is told to stop reading, then blocks until closed. */
    private static final class Connection extends OutputStream {
        final List<Integer> writes = new ArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch blocked = new CountDownLatch(1);
        volatile boolean stopReading;

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("frames are written as byte ranges");
        }

        @Override
        public void write(byte[] bytes, int from, int length) throws IOException {
            writes.add(length);
            if (stopReading) {
                blocked.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the connection was closed");
            }
        }
    }

    private static SseOutput outputTo(Connection connection) {
        return new SseOutput(connection, connection.closed::countDown);
    }

    /** Sends a frame on a thread of its own, as the broadcast or a catching-up stream does. */
    private static Thread sendOnItsOwnThread(SseOutput out, byte[] frame) {
        return Thread.ofVirtual().start(() -> out.send(frame));
    }

    @Nested
    class AnOutput {

        @Test
        void writesALongBatchInSlicesSoThatEachSliceIsTimedOnItsOwn() {
            Connection connection = new Connection();
            outputTo(connection).send(new byte[SseOutput.SLICE * 5 / 2]);
            assertEquals(List.of(SseOutput.SLICE, SseOutput.SLICE, SseOutput.SLICE / 2), connection.writes);
        }

        @Test
        void isStuckOnlyWhileASliceHasBeenBeingWrittenForLongerThanTheLimit() throws Exception {
            Connection connection = new Connection();
            SseOutput out = outputTo(connection);
            out.send(new byte[100]);
            assertFalse(out.stuckLongerThan(LIMIT, System.nanoTime() + 10 * LIMIT), "not writing now");
            connection.stopReading = true;
            Thread sender = sendOnItsOwnThread(out, new byte[100]);
            assertTrue(connection.blocked.await(10, TimeUnit.SECONDS));
            assertFalse(out.stuckLongerThan(LIMIT, System.nanoTime()), "just begun");
            assertTrue(out.stuckLongerThan(LIMIT, System.nanoTime() + LIMIT + 1), "past the limit");
            out.abort();
            sender.join();
            assertFalse(out.stuckLongerThan(LIMIT, System.nanoTime() + 10 * LIMIT), "the write has failed");
            assertFalse(out.isOpen(), "a failed write closes the output");
        }
    }

    @Nested
    class TheGuard {

        @Test
        void closesTheConnectionOfAWatchedStreamWhoseWriteIsStuck() throws Exception {
            Connection connection = new Connection();
            SseOutput out = outputTo(connection);
            try (StallGuard guard = new StallGuard(Duration.ofMillis(50), Duration.ofMillis(10))) {
                guard.watch(out);
                connection.stopReading = true;
                Thread sender = sendOnItsOwnThread(out, new byte[100]);
                assertTrue(connection.closed.await(10, TimeUnit.SECONDS), "the guard closed the connection");
                sender.join();
                assertFalse(out.isOpen());
            }
        }

        @Test
        void leavesAStreamThatIsNotWritingAndOneItNoLongerWatchesAlone() throws Exception {
            Connection idle = new Connection();
            Connection forgotten = new Connection();
            SseOutput forgottenOut = outputTo(forgotten);
            try (StallGuard guard = new StallGuard(Duration.ofMillis(50), Duration.ofMillis(10))) {
                guard.watch(outputTo(idle));
                guard.watch(forgottenOut);
                guard.forget(forgottenOut);
                forgotten.stopReading = true;
                Thread sender = sendOnItsOwnThread(forgottenOut, new byte[100]);
                assertTrue(forgotten.blocked.await(10, TimeUnit.SECONDS));
                assertFalse(idle.closed.await(300, TimeUnit.MILLISECONDS), "an idle stream is not stalled");
                assertEquals(1, forgotten.closed.getCount(), "a stream the guard has forgotten is not its to close");
                forgottenOut.abort();
                sender.join();
            }
        }
    }
}
