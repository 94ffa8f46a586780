package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.timeline.RunFigures;
import dev.asyncplayground.timeline.TimelineSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of a run: status, times and figures, output in order and each task's timeline.
 *
 * <p>A large run lists the timelines of its first {@value #TASKS_LISTED} tasks only
 * ({@code taskCount} says how many there are), so its summary stays small enough to stream.
 */
final class RunJson {

    static final int TASKS_LISTED = 1000;

    private RunJson() {
    }

    static Map<String, Object> of(Run run) {
        var status = run.status();
        TimelineSummary summary = run.summary();
        RunFigures figures = summary.figures();
        RunOptions options = run.options();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("status", status.label());
        json.put("mode", options.mode().id());
        json.put("speed", options.speed());
        json.put("threads", options.threads());
        json.put("limit", options.limit());
        json.put("gil", options.gil());
        json.put("elapsedMs", summary.elapsedMs());
        json.put("idealMs", run.idealMs());
        run.coresGiven().ifPresent(cores -> {
            json.put("coresAssumed", round(cores.assumed()));
            json.put("coresGiven", round(cores.given()));
            json.put("idealForCoresGivenMs", round(cores.idealForCoresGivenMs()));
            json.put("coresNote", cores.note());
        });
        json.put("queuePosition", run.queuePosition());
        json.put("workMs", figures.workMs());
        json.put("speedup", summary.elapsedMs() > 0 ? round(figures.workMs() / summary.elapsedMs()) : null);
        json.put("cpuBusyPercent", figures.cpuBusyPercent());
        json.put("peakConcurrency", figures.peakConcurrency());
        json.put("threadsUsed", figures.threadsUsed());
        json.put("shared", run.sharedValues());
        json.put("metrics", run.metrics());
        json.put("message", run.message());
        json.put("output", summary.output());
        json.put("taskCount", summary.tasks().size());
        json.put("tasks", summary.tasks().size() <= TASKS_LISTED ? summary.tasks()
                : summary.tasks().subList(0, TASKS_LISTED));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
