package dev.asyncplayground.web;

import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.timeline.PageRequest;
import dev.asyncplayground.timeline.RunFigures;
import dev.asyncplayground.timeline.TaskTimeline;
import dev.asyncplayground.timeline.TimelinePage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a run: status, times and figures, then a page of its output and task timelines.
 *
 * <p>The figures always cover the whole run; {@code outputCount}, {@code taskCount} and each
 * task's {@code segmentCount} say how much there is in all, and {@code next} gives the address of
 * the following page of each (null when there is none). See {@link RunPaging}.
 */
final class RunJson {

    private RunJson() {
    }

    /** The run with the default page. */
    static Map<String, Object> of(Run run) {
        return of(run, RunPaging.DEFAULT);
    }

    static Map<String, Object> of(Run run, PageRequest request) {
        var status = run.status();
        TimelinePage page = run.page(request);
        RunFigures figures = page.figures();
        RunOptions options = run.options();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("status", status.label());
        json.put("mode", options.mode().id());
        json.put("speed", options.speed());
        json.put("speedAsked", run.speed().asked());
        json.put("speedNote", run.speed().note());
        json.put("threads", options.threads());
        json.put("limit", options.limit());
        json.put("gil", options.gil());
        json.put("elapsedMs", page.elapsedMs());
        json.put("idealMs", run.idealMs());
        run.coresGiven().ifPresent(cores -> {
            json.put("coresAssumed", round(cores.assumed()));
            json.put("coresGiven", round(cores.given()));
            json.put("coresGivenInWords", cores.givenInWords());
            json.put("idealForCoresGivenMs", round(cores.idealForCoresGivenMs()));
            json.put("coresNote", cores.note());
        });
        json.put("queuePosition", run.queuePosition());
        json.put("workMs", figures.workMs());
        json.put("speedup", page.elapsedMs() > 0 ? round(figures.workMs() / page.elapsedMs()) : null);
        json.put("cpuBusyPercent", figures.cpuBusyPercent());
        json.put("peakConcurrency", figures.peakConcurrency());
        json.put("threadsUsed", figures.threadsUsed());
        json.put("shared", run.sharedValues());
        json.put("metrics", run.metrics());
        json.put("message", run.message());
        json.put("outputCount", page.outputCount());
        json.put("output", page.output());
        json.put("taskCount", page.taskCount());
        json.put("tasks", tasks(page));
        json.put("next", next(run.id(), request, page));
        return json;
    }

    private static List<Map<String, Object>> tasks(TimelinePage page) {
        List<Map<String, Object>> tasks = new ArrayList<>(page.tasks().size());
        for (TimelinePage.TaskPage task : page.tasks()) {
            TaskTimeline timeline = task.timeline();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", timeline.name());
            json.put("status", timeline.status());
            json.put("startMs", timeline.startMs());
            json.put("endMs", timeline.endMs());
            json.put("message", timeline.message());
            json.put("segmentCount", task.segmentCount());
            json.put("segments", timeline.segments());
            tasks.add(json);
        }
        return tasks;
    }

    /** The addresses of the next page of output, of tasks and of the listed tasks' segments. */
    private static Map<String, String> next(String id, PageRequest asked, TimelinePage page) {
        Map<String, String> next = new LinkedHashMap<>();
        long outputEnd = (long) asked.outputFrom() + asked.outputLimit();
        long tasksEnd = (long) asked.tasksFrom() + asked.tasksLimit();
        long segmentsEnd = (long) asked.segmentsFrom() + asked.segmentsLimit();
        boolean moreSegments = page.tasks().stream().anyMatch(task -> task.segmentCount() > segmentsEnd);
        String base = "/api/runs/" + id + "?";
        next.put("output", outputEnd < page.outputCount() && asked.outputLimit() > 0
                ? base + "outputFrom=" + outputEnd + "&outputLimit=" + asked.outputLimit() : null);
        next.put("tasks", tasksEnd < page.taskCount() && asked.tasksLimit() > 0
                ? base + "tasksFrom=" + tasksEnd + "&tasksLimit=" + asked.tasksLimit()
                + "&segmentsLimit=" + asked.segmentsLimit() : null);
        next.put("segments", moreSegments && asked.segmentsLimit() > 0
                ? base + "tasksFrom=" + asked.tasksFrom() + "&tasksLimit=" + asked.tasksLimit()
                + "&segmentsFrom=" + segmentsEnd + "&segmentsLimit=" + asked.segmentsLimit() : null);
        return next;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
