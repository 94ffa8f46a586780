package dev.asyncplayground.engine;

import dev.asyncplayground.timeline.ReadableDuration;
import java.util.Locale;
import java.util.Optional;

/**
 * The cores a run's cpu steps really received, against those its ideal time assumed, and the
 * ideal time for the cores received.
 *
 * <p>The ideal assumes each cpu step gets its share of the machine's cores; other programs can
 * take part of them. Then the cpu phases stretch by assumed / given, and so does the ideal: a
 * run that needed 1,000 ms of CPU over 500 ms on 2 cores, given 1.4, ideally takes
 * 500 + 1000 × (1/1.4 − 1/2) = 714 ms. A run with more threads computing than cores can also fall
 * short on its own, with no other program busy: the OS shares the cores among them unevenly, some
 * finish early, and the last compute while a core stands idle. The note says which it was.
 * Computed only from the numbers given, so its tests are exact.
 *
 * @param assumed              cores the ideal assumed while cpu steps burnt (CPU / wall in the ideal)
 * @param given                cores they received (CPU / wall as measured), at most {@code assumed}
 * @param idealForCoresGivenMs the ideal elapsed time with {@code given} cores, in scenario ms
 * @param note                 in plain words, when the run was given clearly fewer cores than
 *                             assumed, or so few that even a perfect run would have taken
 *                             longer than the {@link FidelityBar} allows: how many, why, and the
 *                             ideal for them; else empty
 */
public record CoresGiven(double assumed, double given, double idealForCoresGivenMs, String note) {

    /**
     * Below this share of the assumed cores, the summary says the machine gave less; above it too,
     * if the cores lost alone would put a perfect run past the {@link FidelityBar}.
     */
    static final double SHORT_BELOW = 0.95;
    /**
     * Ideals shorter than this are named in milliseconds, as the API gives them; longer ones (a run
     * at speed 1000 or 3600 lasts minutes of scenario time) as the page writes durations.
     */
    private static final double IN_MS_BELOW = 10_000;

    /**
     * Compares the ideal run with the measured one.
     *
     * @param idealMs      the ideal elapsed time, in scenario ms
     * @param idealCpuMs   CPU time the ideal's cpu steps burn, in scenario ms
     * @param idealCpuWall wall time during which they burn in the ideal, in scenario ms
     * @param used         what the real cpu steps received, and the time they had
     * @return empty if there is nothing to compare (no cpu step, or none has burnt yet)
     */
    static Optional<CoresGiven> of(double idealMs, double idealCpuMs, double idealCpuWall, CpuUse used) {
        if (idealCpuMs <= 0 || idealCpuWall <= 0 || used.cpuNanos() <= 0 || used.wallNanos() <= 0) {
            return Optional.empty();
        }
        double assumed = idealCpuMs / idealCpuWall;
        double given = Math.min(assumed, (double) used.cpuNanos() / used.wallNanos());
        double ideal = idealFor(idealMs, idealCpuMs, assumed, given);
        boolean fallsShort = given < assumed * SHORT_BELOW || ideal > FidelityBar.of(idealMs);
        String note = fallsShort ? note(assumed, given, ideal, used) : "";
        return Optional.of(new CoresGiven(assumed, given, ideal, note));
    }

    /** The ideal elapsed time when the cpu phases get {@code given} cores instead of {@code assumed}. */
    public static double idealFor(double idealMs, double idealCpuMs, double assumed, double given) {
        return idealMs + idealCpuMs * (1 / given - 1 / assumed);
    }

    /** The cores given as the note words them, for wherever else they are shown: "1.4 cores", "1 core". */
    public String givenInWords() {
        return coreCount(cores(given, assumed));
    }

    /** True if the note has something to say: the run got clearly fewer cores, or few enough to miss the bar. */
    public boolean isShort() {
        return !note.isEmpty();
    }

    /**
     * "the machine gave this run 1.4 of 2 cores, other programs were busy; with 1.4 cores the ideal
     * is 714 ms", or, when more threads computed than there are cores and the machine gave them all
     * it had, that they shared the cores among themselves unevenly.
     */
    private static String note(double assumed, double given, double ideal, CpuUse used) {
        String of = coreCount(cores(assumed));
        String got = cores(given, assumed);
        String forGiven = "with " + coreCount(got) + " the ideal is " + duration(ideal);
        if (used.sharedAmongThemselves()) {
            return String.format(Locale.ROOT, "the %d threads computing at once shared %d cores unevenly, so some"
                    + " finished early and the last computed while a core stood idle: this run got %s"
                    + " of %s; %s", used.mostAtOnce(), used.cores(), got, of, forGiven);
        }
        return String.format(Locale.ROOT, "the machine gave this run %s of %s, other programs were busy; %s",
                got, of, forGiven);
    }

    /** "714 ms", "440.4 s", "48 min". */
    private static String duration(double ms) {
        return ms < IN_MS_BELOW ? String.format(Locale.ROOT, "%.0f ms", ms) : ReadableDuration.of(ms);
    }

    /** "1 core", "1.4 cores", for a count already written out. */
    private static String coreCount(String count) {
        return count + (count.equals("1") ? " core" : " cores");
    }

    /**
     * {@code n} with one decimal, or two where one would read as {@code assumed} although two do
     * not: 0.97 of 1 core is not "1 of 1 core".
     */
    private static String cores(double n, double assumed) {
        String one = cores(n);
        String two = String.format(Locale.ROOT, "%.2f", n);
        return one.equals(cores(assumed)) && !two.equals(String.format(Locale.ROOT, "%.2f", assumed)) ? two : one;
    }

    private static String cores(double n) {
        String text = String.format(Locale.ROOT, "%.1f", n);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
