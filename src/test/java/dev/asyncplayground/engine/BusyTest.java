package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusyTest {

    @Nested
    class AClientAtItsCap {

        @ParameterizedTest(name = "holding {0}, asking {1}, cap {2}")
        @CsvSource(delimiter = '|', textBlock = """
                4 | 1 | 4 | you already have 4 runs running or waiting, the most one client may have \
                (MAX_RUNS_PER_CLIENT=4); wait for one to end (in about 3 s) or cancel one
                1 | 1 | 1 | you already have 1 run running or waiting, the most one client may have \
                (MAX_RUNS_PER_CLIENT=1); wait for one to end (in about 3 s) or cancel one
                3 | 2 | 4 | you already have 3 runs running or waiting and this asks for 2 more, but one client \
                may have at most 4 (MAX_RUNS_PER_CLIENT=4); wait for 1 of yours to end (the first in about 3 s), \
                cancel 1, or run fewer at once
                1 | 4 | 4 | you already have 1 run running or waiting and this asks for 4 more, but one client \
                may have at most 4 (MAX_RUNS_PER_CLIENT=4); wait for 1 of yours to end (the first in about 3 s), \
                cancel 1, or run fewer at once
                4 | 3 | 4 | you already have 4 runs running or waiting and this asks for 3 more, but one client \
                may have at most 4 (MAX_RUNS_PER_CLIENT=4); wait for 3 of yours to end (the first in about 3 s), \
                cancel 3, or run fewer at once
                """)
        void isToldHowManyRunsMustEndAndWhenTheFirstWill(int holding, int places, int cap, String message) {
            Busy busy = Busy.clientFull(holding, places, cap, 3);
            assertEquals(message, busy.message());
            assertEquals(3, busy.retryAfterSeconds());
        }

        @Test
        void askingForMoreThanTheCapAtOnceSaysWaitingWillNotHelp() {
            assertEquals(new Busy("this asks for 4 runs at once, more than one client may have (MAX_RUNS_PER_CLIENT=2);"
                    + " run at most 2 at once", 1), Busy.moreThanACapAtOnce(4, 2));
        }
    }

    @Test
    void aFullQueueSaysWhatIsRunningAndWaitingAndWhenAPlaceFrees() {
        assertEquals(new Busy("the server is busy: 2 runs are running and 8 are waiting, the most it takes"
                + " (MAX_QUEUED_RUNS=8); a place in the queue should be free in about 5 s", 5), Busy.queueFull(2, 8, 8, 5));
    }
}
