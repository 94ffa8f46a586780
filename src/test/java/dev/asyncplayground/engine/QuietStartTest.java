package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a CPU run may start after a refusal: how long it still waits for refusals to stop and the JIT to go idle. */
class QuietStartTest {

    private static final long MS = 1_000_000;
    private static final long NOW = 50_000 * MS;

    @ParameterizedTest(name = "refused {0} ms before the turn came, JIT busy {1}, turn came {2} ms ago: wait {3} ms")
    @CsvSource(textBlock = """
            # refused before the turn, JIT busy, turn came ago, wait
            never,  true,     0,   0
            1001,   true,     0,   0
            150,    false,    0,   0
            100,    false,    0,   0
            30,     false,    0,  70
            30,     true,     0,  70
            0,      false,    0, 100
            1000,   true,     0,  10
            150,    true,     0,  10
            -20,    false,   50,  70
            -20,    true,   200,  10
            -940,   false,  960,  40
            30,     true,   995,   5
            0,      true,  1000,   0
            -900,   true,  5000,   0
            """)
    void aRunWaitsForCalmAfterARefusalButNeverPastTheLongestWait(String refusedBefore, boolean compiling, long turnAgo,
            long waitMs) {
        QuietStart rule = new QuietStart(100 * MS, 1000 * MS, 1000 * MS, () -> compiling);
        long turnCame = NOW - turnAgo * MS;
        long lastRefusal = "never".equals(refusedBefore) ? QuietStart.NEVER
                : turnCame - Long.parseLong(refusedBefore) * MS;

        assertEquals(waitMs * MS, rule.holdFor(NOW, lastRefusal, turnCame));
    }

    @Test
    void withoutARecentRefusalTheJitIsNotAsked() {
        QuietStart rule = new QuietStart(100 * MS, 1000 * MS, 1000 * MS, () -> fail("asked the JIT"));

        assertEquals(0, rule.holdFor(NOW, QuietStart.NEVER, NOW));
        assertEquals(0, rule.holdFor(NOW, NOW - 2000 * MS, NOW));
    }

    @Test
    void theJitIsNotAskedWhileRefusalsGoOn() {
        QuietStart rule = new QuietStart(100 * MS, 1000 * MS, 1000 * MS, () -> fail("asked the JIT"));

        assertEquals(60 * MS, rule.holdFor(NOW, NOW - 40 * MS, NOW));
    }

    @Test
    void theJitIsNotAskedOnceTheRunHasWaitedTheLongest() {
        QuietStart rule = new QuietStart(100 * MS, 1000 * MS, 1000 * MS, () -> fail("asked the JIT"));

        assertEquals(0, rule.holdFor(NOW, NOW - 1500 * MS, NOW - 1000 * MS));
    }
}
