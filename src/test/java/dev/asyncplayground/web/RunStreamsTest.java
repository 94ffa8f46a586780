package dev.asyncplayground.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.ScenarioParser;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The streams of one run close together, once each has sent {@code done}, and never wait long for one that will not. */
class RunStreamsTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    private RunRegistry registry;
    private Run run;

    @BeforeEach
    void startARun() {
        registry = new RunRegistry(Limits.defaults());
        Program program = ScenarioParser.parse("task \"a\":\n  print \"hello\"\n").scenario()
                .instantiate(Map.of(), Limits.defaults().maxTasks());
        run = registry.start(program, RunOptions.of(Mode.SEQUENTIAL, 1));
    }

    @AfterEach
    void close() {
        registry.close();
    }

    /** A stream that has sent done, waiting on another thread; its latch counts down when it may close. */
    private static CountDownLatch sendDoneAndWait(RunStreams streams) {
        CountDownLatch mayClose = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                streams.sentDoneAwaitOthers();
                mayClose.countDown();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        return mayClose;
    }

    @Test
    void aStreamThatHasSentDoneWaitsUntilEveryOtherStreamOfTheRunHas() throws InterruptedException {
        RunStreams streams = new RunStreams(run, LONG, LONG);
        streams.opened();
        streams.opened();
        streams.opened();
        CountDownLatch first = sendDoneAndWait(streams);
        CountDownLatch second = sendDoneAndWait(streams);
        assertFalse(first.await(200, TimeUnit.MILLISECONDS), "one stream has not sent done yet");
        streams.sentDoneAwaitOthers();
        assertTrue(first.await(10, TimeUnit.SECONDS) && second.await(10, TimeUnit.SECONDS),
                "the last one lets them all close, long before the 20 s at most");
    }

    @Test
    void aStreamThatEndsWithoutDoneNoLongerHoldsTheOthers() throws InterruptedException {
        RunStreams streams = new RunStreams(run, LONG, LONG);
        streams.opened();
        streams.opened();
        CountDownLatch waiting = sendDoneAndWait(streams);
        assertFalse(waiting.await(200, TimeUnit.MILLISECONDS));
        assertFalse(streams.closed(false), "the waiting stream is still open");
        assertTrue(waiting.await(10, TimeUnit.SECONDS), "its client left: nothing more to wait for");
        assertTrue(streams.closed(true), "the last stream of the run");
    }

    @Test
    void noStreamWaitsLongerThanTheLimitForOneThatNeverSendsDone() throws InterruptedException {
        RunStreams streams = new RunStreams(run, LONG, Duration.ofMillis(100));
        streams.opened();
        streams.opened();
        long began = System.nanoTime();
        streams.sentDoneAwaitOthers();
        assertTrue(System.nanoTime() - began >= Duration.ofMillis(100).toNanos(), "it waited, up to the limit");
    }

    @Test
    void aLoneStreamClosesAtOnce() throws InterruptedException {
        RunStreams streams = new RunStreams(run, LONG, LONG);
        streams.opened();
        CountDownLatch alone = sendDoneAndWait(streams);
        assertTrue(alone.await(10, TimeUnit.SECONDS));
    }
}
