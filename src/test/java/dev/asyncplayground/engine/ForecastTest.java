package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncplayground.engine.Forecast.Slot;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastTest {

    private static final double S = 1e9;

    private static Slot io(double seconds) {
        return new Slot(seconds * S, false);
    }

    private static Slot cpu(double seconds) {
        return new Slot(seconds * S, true);
    }

    private static double[] starts(List<Slot> running, List<Slot> queued) {
        double[] starts = Forecast.starts(running, queued);
        for (int i = 0; i < starts.length; i++) {
            starts[i] /= S;
        }
        return starts;
    }

    @Nested
    class Starts {

        @Test
        void aCpuRunStartsWhenEverythingBeforeItHasEnded() {
            assertArrayEquals(new double[] {5}, starts(List.of(io(2), io(5)), List.of(cpu(1))));
        }

        @Test
        void aWaitingRunStartsWhenTheFirstRunningRunEnds() {
            assertArrayEquals(new double[] {2}, starts(List.of(io(2), io(5)), List.of(io(1))));
        }

        @Test
        void nothingStartsBeforeACpuRunAheadOfItHasEnded() {
            assertArrayEquals(new double[] {3, 3 + 4, 3 + 4},
                    starts(List.of(cpu(3)), List.of(cpu(4), io(1), io(2))));
        }

        @Test
        void queuedRunsNeverOvertake() {
            assertArrayEquals(new double[] {5, 7}, starts(List.of(io(1), io(5)), List.of(cpu(2), io(1))),
                    "the I/O run waits for the CPU run before it, which waits for the machine to empty");
        }

        @Test
        void anEmptyMachineStartsTheHeadAtOnce() {
            assertArrayEquals(new double[] {0}, starts(List.of(), List.of(io(1))));
        }
    }

    @ParameterizedTest(name = "{0} ns -> {1} s")
    @CsvSource({"0, 1", "1, 1", "999999999, 1", "1000000000, 1", "1000000001, 2", "29500000000, 30"})
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne(double nanos, long seconds) {
        assertEquals(seconds, Forecast.seconds(nanos));
    }
}
