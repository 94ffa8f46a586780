package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server's summary cuts every golden case's events into the segments the golden file expects. */
class SegmentsGoldenTest {

    static List<GoldenSegments.Case> cases() {
        return GoldenSegments.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSummaryMakesTheGoldenSegments(GoldenSegments.Case golden) {
        assertEquals(golden.segments(), GoldenSegments.summarised(golden));
    }
}
