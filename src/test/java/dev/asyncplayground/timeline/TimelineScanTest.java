package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page of a summary shows its window of output, tasks and segments, and counts everything. */
class TimelineScanTest {

    private static final double SPEED = 1;

    /** Three tasks; task i prints i + 1 lines, each after a wait of 1 ms: 2 segments a wait. */
    private static List<TimelineEvent> events() {
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent.RunStarted(0, "virtual-threads", List.of("a", "b", "c")));
        long at = 0;
        for (int task = 0; task < 3; task++) {
            events.add(new TimelineEvent.TaskStarted(at, task, "w"));
            for (int line = 0; line <= task; line++) {
                events.add(new TimelineEvent.WaitStarted(at += 1_000, task, "w", 1_000_000, ""));
                events.add(new TimelineEvent.WaitEnded(at += 1_000_000, task, "w"));
                events.add(new TimelineEvent.Printed(at, task, "w", task + "." + line));
            }
            events.add(new TimelineEvent.TaskEnded(at += 1_000, task, "w", TaskOutcome.DONE, ""));
        }
        return events;
    }

    private static TimelinePage page(PageRequest request) {
        return TimelineScan.of(events()::forEach, SPEED, 10_000_000, 2, request);
    }

    @Test
    void theWholePageEqualsTheSummaryOfTheList() {
        TimelineSummary whole = TimelineSummary.of(events(), SPEED, 10_000_000, 2);
        TimelinePage all = page(PageRequest.ALL);
        assertEquals(whole, TimelineSummary.of(all));
        assertEquals(6, all.outputCount());
    }

    @Test
    void theOutputWindowListsOnlyItsLinesAndCountsThemAll() {
        TimelinePage page = page(new PageRequest(2, 3, 0, 0, 0, 0));
        assertEquals(List.of("1.1", "2.0", "2.1"), page.output().stream().map(OutputLine::text).toList());
        assertEquals(6, page.outputCount());
        assertEquals(3, page.taskCount());
        assertEquals(List.of(), page.tasks());
    }

    @Test
    void theTaskAndSegmentWindowsKeepOnlyTheirSegmentsButCountThemAll() {
        TimelinePage page = page(new PageRequest(0, 0, 1, 5, 2, 2));
        assertEquals(List.of("b", "c"), page.tasks().stream().map(t -> t.timeline().name()).toList());
        TimelinePage.TaskPage c = page.tasks().get(1);
        assertEquals(7, c.segmentCount(), "running and waiting three times, then running to the end");
        assertEquals(List.of("running", "waiting"), c.timeline().segments().stream().map(Segment::state).toList());
        assertEquals(page(PageRequest.ALL).figures(), page.figures(), "figures always cover the whole run");
        assertEquals(page(PageRequest.ALL).elapsedMs(), page.elapsedMs());
    }
}
