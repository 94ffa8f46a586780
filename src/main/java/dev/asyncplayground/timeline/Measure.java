package dev.asyncplayground.timeline;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One figure a scenario asks to have measured from its run's timeline, under a name of its own.
 *
 * <p>Written in a scenario as {@code measure NAME = KIND [SUBJECT]}; {@link Metrics} computes it.
 *
 * @param name    the key in the run's {@code metrics} object
 * @param kind    what to compute
 * @param subject the shared value's name or the printed text the kind needs; empty if it needs none
 */
public record Measure(String name, Kind kind, String subject) {

    public Measure {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        subject = subject == null ? "" : subject;
    }

    /** What a measure's subject is. */
    public enum Subject {
        /** The kind needs no subject. */
        NONE,
        /** The name of a value declared with {@code shared}, written bare: {@code lost balance}. */
        SHARED,
        /** The start of printed lines, in quotes: {@code ticks "tick"}. */
        TEXT
    }

    /** The figures a scenario can measure; each is documented in docs/scenario-language.md. */
    public enum Kind {
        EXPECTED("expected", Subject.SHARED, "the shared value's start plus every update that finished"),
        FINAL("final", Subject.SHARED, "the shared value at the end"),
        LOST("lost", Subject.SHARED, "updates that another task overwrote without having read them"),
        LINES("lines", Subject.TEXT, "printed lines that start with the text"),
        LARGEST_GAP("largestGap", Subject.TEXT, "the longest time, in ms, between two printed lines that start"
                + " with the text"),
        PRINTED_AT("printedAt", Subject.TEXT, "when, in ms, the first line starting with the text was printed"),
        TIMEOUTS("timeouts", Subject.NONE, "timeouts that expired and abandoned their steps"),
        WAITS_PER_SECOND("waitsPerSecond", Subject.NONE, "waits that finished, per second of elapsed time"),
        MOST_WAITS("mostWaits", Subject.NONE, "the most waits in progress at one moment"),
        MEAN_QUEUE_WAIT("meanQueueWait", Subject.NONE, "the mean time, in ms, a task spent queued for a worker"
                + " or in line for a lock"),
        CPU_BUSY_PERCENT("cpuBusyPercent", Subject.NONE, "the share of elapsed time, in percent, during which at"
                + " least one cpu step ran"),
        WAIT_OVERLAP("waitOverlap", Subject.NONE, "the time, in ms, during which two or more waits were in"
                + " progress"),
        CPU_SPEEDUP("cpuSpeedup", Subject.NONE, "time in cpu steps added up, divided by elapsed time: how many"
                + " cores the steps kept busy on average");

        private final String word;
        private final Subject subject;
        private final String meaning;

        Kind(String word, Subject subject, String meaning) {
            this.word = word;
            this.subject = subject;
            this.meaning = meaning;
        }

        /** The word that names the kind in a scenario. */
        public String word() {
            return word;
        }

        /** What follows the word. */
        public Subject subject() {
            return subject;
        }

        /** One plain sentence on what the figure is. */
        public String meaning() {
            return meaning;
        }

        /** The kind a scenario's word names, if any. */
        public static Optional<Kind> byWord(String word) {
            return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
        }

        /** Every word, for error messages. */
        public static String words() {
            return String.join(", ", Arrays.stream(values()).map(Kind::word).toList());
        }
    }
}
