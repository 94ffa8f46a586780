package dev.asyncplayground.web;

/**
 * One started run as the page shows it before any event arrives.
 *
 * @param id          the run's id, from which the page opens its event stream
 * @param mode        the mode's id
 * @param options     the mode's options in words, e.g. {@code 4 threads}; empty if none apply
 * @param description what the mode does
 * @param idealMs     the ideal elapsed time, used to size the shared time axis from the start
 * @param speed       the time scale the run goes at, so the page can estimate scenario time between events
 * @param speedNote   why the run goes slower than asked, or why its times may run long; empty if neither
 * @param predictedMs the learner's guess of the elapsed time in scenario milliseconds, or null
 */
public record RunPanel(String id, String mode, String options, String description, double idealMs, double speed,
                       String speedNote, Double predictedMs) {

    /** True when there is no speed note to show. */
    public boolean noSpeedNote() {
        return speedNote.isEmpty();
    }
}
