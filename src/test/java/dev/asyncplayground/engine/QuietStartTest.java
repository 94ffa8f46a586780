package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a CPU run may start: how long it still waits after its turn came, for refusals to stop and for the JIT to go idle. */
class QuietStartTest {

    private static final long MS = 1_000_000;
    private static final long NOW = 50_000 * MS;
    private static final long NEVER = QuietStart.NEVER;

    /** The rule with the server's times: settle 100 ms, calm after 100 ms without refusals, wait at most 1 s. */
    private static QuietStart rule(BooleanSupplier compiling) {
        return new QuietStart(100 * MS, 100 * MS, 1000 * MS, 1000 * MS, compiling);
    }

    /** The same without the settle, to see what the refusals alone do. */
    private static QuietStart refusalsOnly(BooleanSupplier compiling) {
        return new QuietStart(0, 100 * MS, 1000 * MS, 1000 * MS, compiling);
    }

    private static BooleanSupplier notToBeAsked() {
        return () -> fail("asked the JIT");
    }

    @Nested
    class AfterItsTurnCame {

        @ParameterizedTest(name = "turn came {0} ms ago: wait {1} ms")
        @CsvSource(textBlock = """
                # turn came ago, wait
                0,     100
                30,     70
                99,      1
                100,     0
                5000,    0
                """)
        void aCpuRunStartsAMomentAfterItsTurnCame(long turnAgo, long waitMs) {
            assertEquals(waitMs * MS, rule(notToBeAsked()).holdFor(NOW, NEVER, NOW - turnAgo * MS));
        }

        @Test
        void aRecentRefusalHoldsTheRunUntilTheLaterOfTheTwo() {
            QuietStart rule = rule(() -> false);

            assertEquals(80 * MS, rule.holdFor(NOW, NOW - 60 * MS, NOW - 20 * MS));
            assertEquals(90 * MS, rule.holdFor(NOW, NOW - 10 * MS, NOW - 70 * MS));
        }

        @Test
        void aBusyJitHoldsTheRunOnlyAfterARefusal() {
            QuietStart rule = rule(() -> true);

            assertEquals(0, rule.holdFor(NOW, NEVER, NOW - 150 * MS));
            assertEquals(QuietStart.COMPILER_POLL_NANOS, rule.holdFor(NOW, NOW - 150 * MS, NOW - 150 * MS));
        }

        @Test
        void theRuleForRunsNobodyTimesHoldsNoRunEvenRightAfterARefusal() {
            assertEquals(0, QuietStart.NONE.holdFor(NOW, NEVER, NOW));
            assertEquals(0, QuietStart.NONE.holdFor(NOW, NOW - MS, NOW));
        }

        @Test
        void aLongerSettleThanTheLongestWaitIsCutToIt() {
            QuietStart rule = new QuietStart(5000 * MS, 100 * MS, 1000 * MS, 1000 * MS, notToBeAsked());

            assertEquals(1000 * MS, rule.holdFor(NOW, NEVER, NOW));
            assertEquals(0, rule.holdFor(NOW, NEVER, NOW - 1000 * MS));
        }
    }

    @Nested
    class AfterARefusal {

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
        void aRunWaitsForCalmAfterARefusalButNeverPastTheLongestWait(String refusedBefore, boolean compiling,
                long turnAgo, long waitMs) {
            long turnCame = NOW - turnAgo * MS;
            long lastRefusal = "never".equals(refusedBefore) ? NEVER : turnCame - Long.parseLong(refusedBefore) * MS;

            assertEquals(waitMs * MS, refusalsOnly(() -> compiling).holdFor(NOW, lastRefusal, turnCame));
        }

        @Test
        void withoutARecentRefusalTheJitIsNotAsked() {
            QuietStart rule = refusalsOnly(notToBeAsked());

            assertEquals(0, rule.holdFor(NOW, NEVER, NOW));
            assertEquals(0, rule.holdFor(NOW, NOW - 2000 * MS, NOW));
        }

        @Test
        void theJitIsNotAskedWhileRefusalsGoOn() {
            assertEquals(60 * MS, refusalsOnly(notToBeAsked()).holdFor(NOW, NOW - 40 * MS, NOW));
        }

        @Test
        void theJitIsNotAskedOnceTheRunHasWaitedTheLongest() {
            assertEquals(0, refusalsOnly(notToBeAsked()).holdFor(NOW, NOW - 1500 * MS, NOW - 1000 * MS));
        }
    }
}
