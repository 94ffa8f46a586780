package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server writes durations for reading as the golden file says, which the page follows too. */
class ReadableDurationTest {

    static List<GoldenDurations.Case> cases() {
        return GoldenDurations.cases();
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("cases")
    void writesEveryGoldenDurationAsThePageDoes(GoldenDurations.Case golden) {
        assertEquals(golden.text(), ReadableDuration.of(golden.ms()));
    }
}
