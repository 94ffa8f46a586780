package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.timeline.TimelineSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a run: status, times, output in order and each task's timeline. */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> of(Run run) {
        var status = run.status();
        TimelineSummary summary = run.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("status", status.label());
        json.put("mode", run.options().mode().id());
        json.put("speed", run.options().speed());
        json.put("elapsedMs", summary.elapsedMs());
        json.put("idealMs", run.idealMs());
        json.put("message", run.message());
        json.put("output", summary.output());
        json.put("tasks", summary.tasks());
        return json;
    }
}
