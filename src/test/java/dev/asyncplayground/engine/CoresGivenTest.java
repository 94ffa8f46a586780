package dev.asyncplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoresGivenTest {

    /** Two steps burning on two cores the whole time: {@code cpu} of CPU in {@code wall}. */
    private static CpuUse onTwoCores(long cpu, long wall) {
        return new CpuUse(cpu, wall, 2 * wall, 2, 2);
    }

    @ParameterizedTest(name = "ideal {0} ms, cpu {1} ms on {2} cores, given {3}: {4} ms")
    @CsvSource({
        "500, 1000, 2, 2, 500",
        "500, 1000, 2, 1, 1000",
        "500, 1000, 2, 1.25, 800",
        "4000, 4000, 1, 0.5, 8000",
        "1500, 1000, 2, 1, 2000"})
    void theIdealStretchesTheCpuPhasesByTheCoresMissing(double idealMs, double cpuMs, double assumed, double given,
                                                        double expected) {
        assertEquals(expected, CoresGiven.idealFor(idealMs, cpuMs, assumed, given), 1e-9);
    }

    @Nested
    class Measured {

        @Test
        void coresAreCpuOverWallOnBothSides() {
            CoresGiven cores = CoresGiven.of(500, 1000, 500, onTwoCores(1_400, 1_000)).orElseThrow();
            assertEquals(2, cores.assumed(), 1e-12);
            assertEquals(1.4, cores.given(), 1e-12);
            assertEquals(500 + 1000 * (1 / 1.4 - 0.5), cores.idealForCoresGivenMs(), 1e-9);
        }

        @Test
        void moreThanAssumedCountsAsWhatWasAssumed() {
            CoresGiven cores = CoresGiven.of(500, 1000, 500, onTwoCores(2_100, 1_000)).orElseThrow();
            assertEquals(2, cores.given(), 1e-12);
            assertEquals(500, cores.idealForCoresGivenMs(), 1e-9);
        }

        @Test
        void nothingToCompareWithoutCpuStepsOrBeforeAnyBurnt() {
            assertTrue(CoresGiven.of(500, 0, 0, onTwoCores(0, 0)).isEmpty());
            assertTrue(CoresGiven.of(500, 1000, 500, onTwoCores(0, 0)).isEmpty());
        }
    }

    @Nested
    class OfARealRun {

        @Test
        void aRunWithCpuStepsMeasuresTheCoresItsStepsReceived() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(TestPrograms.many(2, i -> java.util.List.of(TestPrograms.cpuMs(60))),
                        new RunOptions(Mode.PLATFORM_THREADS, 1, 2, RunOptions.NO_LIMIT));
                RunWaits.awaitEnd(run);
                CoresGiven cores = run.coresGiven().orElseThrow();
                assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), cores.assumed(), 1e-9,
                        "two steps at once on as many cores as there are, up to two");
                assertTrue(cores.given() > 0 && cores.given() <= cores.assumed(), "given: " + cores.given());
                assertTrue(cores.idealForCoresGivenMs() >= run.idealMs(), "never below the ideal");
            }
        }

        @Test
        void aRunWithoutCpuStepsHasNothingToSay() {
            try (RunRegistry runs = new RunRegistry(Limits.defaults())) {
                Run run = runs.start(TestPrograms.many(2, i -> java.util.List.of(TestPrograms.waitMs(20))),
                        new RunOptions(Mode.VIRTUAL_THREADS, 1));
                RunWaits.awaitEnd(run);
                assertTrue(run.coresGiven().isEmpty());
            }
        }
    }

    @Nested
    class InPlainWords {

        @Test
        void sayWhatTheMachineGaveAndTheIdealForIt() {
            CoresGiven cores = CoresGiven.of(500, 1000, 500, onTwoCores(1_400, 1_000)).orElseThrow();
            assertEquals("the machine gave this run 1.4 of 2 cores, other programs were busy;"
                    + " with 1.4 cores the ideal is 714 ms", cores.note());
        }

        @Test
        void oneCoreIsSingular() {
            CoresGiven cores = CoresGiven.of(4000, 4000, 4000, new CpuUse(600, 1_000, 1_000, 1, 1)).orElseThrow();
            assertEquals("the machine gave this run 0.6 of 1 core, other programs were busy;"
                    + " with 0.6 cores the ideal is 6667 ms", cores.note());
        }

        @Test
        void oneCoreGivenIsSingularToo() {
            CoresGiven cores = CoresGiven.of(500, 1000, 500, onTwoCores(1_000, 1_000)).orElseThrow();
            assertEquals("the machine gave this run 1 of 2 cores, other programs were busy;"
                    + " with 1 core the ideal is 1000 ms", cores.note());
        }

        @ParameterizedTest(name = "{0} ms of CPU in 1000 ms of wall time -> \"{1}\"")
        @CsvSource({"1430, 1.4 cores", "1000, 1 core", "960, 1 core", "1960, 1.96 cores", "1999, 2 cores",
            "700, 0.7 cores"})
        void wordTheCoresGivenAsTheNoteDoesForThePageToShow(long cpuMs, String words) {
            CoresGiven cores = CoresGiven.of(500, 1000, 500, onTwoCores(cpuMs, 1_000)).orElseThrow();
            assertEquals(words, cores.givenInWords());
        }

        @Test
        void sayTheThreadsSharedTheCoresUnevenlyWhenMoreComputedThanCoresAndGotAllTheyCould() {
            CpuUse threeThreads = new CpuUse(1_800, 1_000, 1_850, 3, 2);
            CoresGiven cores = CoresGiven.of(1500, 3000, 1500, threeThreads).orElseThrow();
            assertEquals("the 3 threads computing at once shared 2 cores unevenly, so some finished"
                    + " early and the last computed while a core stood idle: this run got 1.8 of 2 cores; with 1.8"
                    + " cores the ideal is 1667 ms", cores.note());
        }

        @Test
        void blameOtherProgramsWhenTheyTookCoresFromThreadsBeyondTheCores() {
            CpuUse threeThreadsSqueezed = new CpuUse(1_400, 1_000, 2_000, 3, 2);
            CoresGiven cores = CoresGiven.of(1500, 3000, 1500, threeThreadsSqueezed).orElseThrow();
            assertEquals("the machine gave this run 1.4 of 2 cores, other programs were busy;"
                    + " with 1.4 cores the ideal is 2143 ms", cores.note());
        }

        @Test
        void sayItWhenTheCoresLostAloneWouldPutAPerfectRunPastTheBar() {
            CoresGiven cores = CoresGiven.of(1000, 1000, 1000, new CpuUse(952, 1_000, 1_000, 1, 1)).orElseThrow();
            assertTrue(cores.idealForCoresGivenMs() > FidelityBar.of(1000), "past the bar: " + cores);
            assertEquals("the machine gave this run 0.95 of 1 core, other programs were busy;"
                    + " with 0.95 cores the ideal is 1050 ms", cores.note());
        }

        @ParameterizedTest(name = "an ideal of {0} ms at 0.6 of 1 core -> \"{1}\"")
        @CsvSource({"4000, 6667 ms", "264240, 440.4 s", "1743780, 48 min"})
        void nameLongIdealsAsThePageWritesDurations(double idealMs, String idealForCores) {
            CoresGiven cores = CoresGiven.of(idealMs, idealMs, idealMs, new CpuUse(600, 1_000, 1_000, 1, 1))
                    .orElseThrow();
            assertEquals("the machine gave this run 0.6 of 1 core, other programs were busy;"
                    + " with 0.6 cores the ideal is " + idealForCores, cores.note());
        }

        @Test
        void sayNothingWhenTheCoresLostKeepAPerfectRunWithinTheBar() {
            CoresGiven cores = CoresGiven.of(1000, 1000, 1000, new CpuUse(985, 1_000, 1_000, 1, 1)).orElseThrow();
            assertEquals("", cores.note());
        }

        @Test
        void sayNothingWhenTheRunGotAboutWhatWasAssumed() {
            CoresGiven cores = CoresGiven.of(500, 1000, 500, onTwoCores(1_960, 1_000)).orElseThrow();
            assertFalse(cores.isShort());
            assertEquals("", cores.note());
        }
    }
}
