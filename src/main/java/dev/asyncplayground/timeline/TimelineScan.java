package dev.asyncplayground.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Goes once through a run's events and computes a page of its summary, keeping only what the page shows.
 *
 * <p>The figures and counts need a few numbers per task; the output lines and segments outside
 * the page are counted but not kept, so a page of a run of millions of events costs the page.
 */
public final class TimelineScan {

    private final double speed;
    private final PageRequest page;
    private final List<OutputLine> output = new ArrayList<>();
    private final List<TaskTrack> tracks = new ArrayList<>();
    private List<String> names = List.of();
    private FigureTally tally = new FigureTally(0);
    private int firstTrack;
    private int outputCount;
    private int ended;
    private long lastEnd;

    private TimelineScan(double speed, PageRequest page) {
        this.speed = speed;
        this.page = page;
    }

    /**
     * Summarises events a page at a time.
     *
     * @param events   calls its argument with each of the run's events, in order (e.g.
     *                 {@code log::forEach}), starting with {@link TimelineEvent.RunStarted}
     * @param speed    the run's time scale: scenario time = real time × speed
     * @param endNanos real nanoseconds at which still-open segments are cut off
     * @param cores    CPUs of the machine that ran them, for the CPU figure
     * @param page     the window of output and tasks to keep
     */
    public static TimelinePage of(Consumer<Consumer<TimelineEvent>> events, double speed, long endNanos, int cores,
                                  PageRequest page) {
        TimelineScan scan = new TimelineScan(speed, page);
        events.accept(scan::add);
        return scan.finish(endNanos, cores);
    }

    private void add(TimelineEvent event) {
        switch (event) {
            case TimelineEvent.RunStarted started -> begin(started.tasks());
            case TimelineEvent.Printed p -> {
                if (page.listsOutput(outputCount++)) {
                    output.add(new OutputLine(TimelineSummary.ms(p.atNanos(), speed), names.get(p.task()), p.text()));
                }
            }
            case TimelineEvent.TaskEnded e -> {
                lastEnd = Math.max(lastEnd, e.atNanos());
                ended++;
            }
            default -> { }
        }
        TaskTrack.taskOf(event).ifPresent(task -> {
            if (task >= firstTrack && task - firstTrack < tracks.size()) {
                tracks.get(task - firstTrack).apply(event);
            }
        });
        tally.add(event);
    }

    private void begin(List<String> tasks) {
        names = tasks;
        tally = new FigureTally(tasks.size());
        firstTrack = Math.min(page.tasksFrom(), tasks.size());
        int last = (int) Math.min(tasks.size(), (long) firstTrack + page.tasksLimit());
        for (int task = firstTrack; task < last; task++) {
            tracks.add(new TaskTrack(tasks.get(task), speed, page.segmentsFrom(), page.segmentsLimit()));
        }
    }

    private TimelinePage finish(long endNanos, int cores) {
        boolean allEnded = !names.isEmpty() && ended >= names.size();
        long elapsed = allEnded ? lastEnd : endNanos;
        List<TimelinePage.TaskPage> tasks = new ArrayList<>(tracks.size());
        for (TaskTrack track : tracks) {
            tasks.add(new TimelinePage.TaskPage(track.finish(endNanos), track.segmentCount()));
        }
        RunFigures figures = names.isEmpty() ? RunFigures.NONE : RunFigures.of(tally, speed, elapsed, cores);
        return new TimelinePage(TimelineSummary.ms(elapsed, speed), figures, outputCount, output, names.size(), tasks);
    }
}
