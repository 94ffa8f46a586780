package dev.asyncplayground.web;

import dev.asyncplayground.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Events as the event stream sends them to the page, for tests of the page's timeline code. */
public final class WireEvents {

    private WireEvents() {
    }

    /** {@code events} (starting with the run's start) as a JSON array of stream messages. */
    public static String json(List<TimelineEvent> events, double speed) {
        List<String> names = ((TimelineEvent.RunStarted) events.getFirst()).tasks();
        EventJson json = new EventJson(names, speed);
        List<Map<String, Object>> wire = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            wire.add(json.toJson(i + 1, events.get(i)));
        }
        return Json.write(wire);
    }
}
