package dev.asyncplayground.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunFiguresTest {

    private static final long MS = 1_000_000;

    /** Two threads; b burns 50 ms, then c reuses b's thread and its wait is cut by a timeout. */
    private static final List<TimelineEvent> RUN = List.of(
            new TimelineEvent.RunStarted(0, "platform-threads", List.of("a", "b", "c")),
            new TimelineEvent.TaskQueued(0, 2),
            new TimelineEvent.TaskStarted(0, 0, "T1"),
            new TimelineEvent.TaskStarted(0, 1, "T2"),
            new TimelineEvent.WaitStarted(0, 0, "T1", 100 * MS, ""),
            new TimelineEvent.CpuStarted(0, 1, "T2", 50 * MS, ""),
            new TimelineEvent.CpuEnded(60 * MS, 1, "T2"),
            new TimelineEvent.TaskEnded(60 * MS, 1, "T2", TaskOutcome.DONE, ""),
            new TimelineEvent.TaskStarted(60 * MS, 2, "T2"),
            new TimelineEvent.WaitStarted(60 * MS, 2, "T2", 200 * MS, ""),
            new TimelineEvent.WaitEnded(80 * MS, 2, "T2"),
            new TimelineEvent.TimedOut(80 * MS, 2, "T2", 20 * MS),
            new TimelineEvent.WaitEnded(100 * MS, 0, "T1"),
            new TimelineEvent.TaskEnded(100 * MS, 0, "T1", TaskOutcome.DONE, ""),
            new TimelineEvent.TaskEnded(100 * MS, 2, "T2", TaskOutcome.DONE, ""));

    @Nested
    class FromEvents {

        @Test
        void addUpWorkCpuConcurrencyAndThreads() {
            assertEquals(new RunFigures(170, 25, 2, 2), RunFigures.of(RUN, 1, 100 * MS, 2));
        }

        @ParameterizedTest(name = "speed {0}, {1} cores")
        @CsvSource({"2, 2, 340, 25", "1, 1, 170, 50", "1, 4, 170, 12.5"})
        void scaleWithSpeedAndCores(double speed, int cores, double workMs, double cpuPercent) {
            RunFigures figures = RunFigures.of(RUN, speed, 100 * MS, cores);
            assertEquals(workMs, figures.workMs());
            assertEquals(cpuPercent, figures.cpuBusyPercent());
        }

        @Test
        void cutStepsStillGoingAtTheEnd() {
            List<TimelineEvent> going = List.of(
                    new TimelineEvent.RunStarted(0, "sequential", List.of("a")),
                    new TimelineEvent.TaskStarted(0, 0, "main"),
                    new TimelineEvent.CpuStarted(0, 0, "main", 1_000 * MS, ""));
            assertEquals(new RunFigures(300, 100, 1, 1), RunFigures.of(going, 1, 300 * MS, 1));
        }

        @Test
        void tasksThatNeverStartedRanOnNoThread() {
            List<TimelineEvent> cancelled = List.of(
                    new TimelineEvent.RunStarted(0, "platform-threads", List.of("a", "b")),
                    new TimelineEvent.TaskQueued(0, 1),
                    new TimelineEvent.TaskStarted(0, 0, "pool-1"),
                    new TimelineEvent.TaskEnded(5 * MS, 0, "pool-1", TaskOutcome.CANCELLED, "stop"),
                    new TimelineEvent.TaskEnded(6 * MS, 1, "", TaskOutcome.CANCELLED, "stop"));
            assertEquals(new RunFigures(0, 0, 1, 1), RunFigures.of(cancelled, 1, 6 * MS, 2));
        }

        @Test
        void noEventsGiveNoFigures() {
            assertEquals(RunFigures.NONE, RunFigures.of(List.of(), 1, 0, 2));
        }
    }

    @Nested
    class InTheSummary {

        @Test
        void theSummaryCarriesTheFiguresForTheGivenCores() {
            TimelineSummary summary = TimelineSummary.of(RUN, 1, 500 * MS, 2);
            assertEquals(100, summary.elapsedMs());
            assertEquals(new RunFigures(170, 25, 2, 2), summary.figures());
        }

        @Test
        void theThreeArgumentFormStillWorks() {
            TimelineSummary summary = TimelineSummary.of(RUN, 1, 500 * MS);
            assertEquals(100, summary.elapsedMs());
            assertEquals(170, summary.figures().workMs());
            assertEquals("queued", summary.tasks().get(2).segments().getFirst().state());
        }
    }
}
