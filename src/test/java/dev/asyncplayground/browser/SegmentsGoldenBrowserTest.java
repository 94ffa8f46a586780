package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncplayground.timeline.GoldenSegments;
import dev.asyncplayground.timeline.TimelineSummary;
import dev.asyncplayground.web.RunningApp;
import dev.asyncplayground.web.WireEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's timeline code cuts the golden file's events, as the event stream sends them, into the
 * same segments as the server: one rule, two readers, one file that holds them together.
 */
class SegmentsGoldenBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    /** Feeds events to a RunModel in the page and returns each lane's segments in the golden shape. */
    private static final String CUT = """
            const [events, elapsedMs] = arguments;
            const model = new Timeline.RunModel('golden', 'golden', elapsedMs, 1);
            JSON.parse(events).forEach((ev) => model.apply(ev));
            model.finish({ elapsedMs });
            const byTask = {};
            model.lanes.forEach((lane) => { byTask[lane.name] = model.segmentsOf(lane)
                .map((s) => [s.state, s.startMs, s.endMs, s.thread, s.detail]); });
            return JSON.stringify(byTask);
            """;

    @Test
    void thePageMakesTheGoldenSegmentsForEveryCase() throws Exception {
        session.open("/");
        for (GoldenSegments.Case golden : GoldenSegments.cases()) {
            double elapsedMs = TimelineSummary.of(golden.events(), golden.speed(), golden.endNanos()).elapsedMs();
            String cut = (String) session.driver().executeScript(CUT, WireEvents.json(golden.events(), golden.speed()),
                    elapsedMs);
            assertEquals(normalised(golden.segments()), normalised(parse(cut)), golden.name());
        }
        session.assertNoConsoleErrors();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<List<Object>>> parse(String json) throws Exception {
        return new ObjectMapper().readValue(json, LinkedHashMap.class);
    }

    /** Numbers as doubles, so 1 from the page equals 1.0 from the file. */
    private static Map<String, List<List<Object>>> normalised(Map<String, List<List<Object>>> byTask) {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        byTask.forEach((task, segments) -> out.put(task, segments.stream().map(s -> s.stream()
                .map(v -> v instanceof Number n ? (Object) n.doubleValue() : v).toList()).toList()));
        return out;
    }
}
