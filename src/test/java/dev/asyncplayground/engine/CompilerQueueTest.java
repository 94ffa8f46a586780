package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wait for the JIT, before the server opens and before a CPU run: what counts as busy, and that the wait ends by its limit. */
class CompilerQueueTest {

    private static final String CALM = """
            Current compiles:\s

            C1 compile queue:
            Empty

            C2 compile queue:
            Empty
            """;

    private static final String COMPILING = """
            Current compiles:\s
            C2 CompilerThread0  1752       4       jdk.internal.util.xml.impl.Parser::step (891 bytes)

            C1 compile queue:
            Empty

            C2 compile queue:
            Empty
            """;

    private static final String QUEUED = """
            Current compiles:\s

            C1 compile queue:
            Empty

            C2 compile queue:
            1739       4       jdk.internal.util.StrongReferenceKey::hashCode (8 bytes)
            """;

    @Test
    void nothingCompilingAndEmptyQueuesIsCalm() {
        assertFalse(CompilerQueue.busy(CALM));
    }

    @Test
    void aMethodBeingCompiledIsBusy() {
        assertTrue(CompilerQueue.busy(COMPILING));
    }

    @Test
    void aMethodWaitingInAQueueIsBusy() {
        assertTrue(CompilerQueue.busy(QUEUED));
    }

    @Test
    void theWaitEndsByItsLimitOnThisJvm() throws InterruptedException {
        long start = System.nanoTime();
        Optional<Duration> waited = CompilerQueue.awaitCalm(Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.isPresent(), "a HotSpot JVM answers Compiler.queue");
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }
}
