package dev.asyncplayground.scenario;

/** Counts the work and the text one expansion does, and stops it when either passes its limit. */
final class Budget {

    private final long maxWork;
    private long work;
    private long text;

    Budget(long maxWork) {
        this.maxWork = maxWork;
    }

    /** Counts units of work: one per statement run and per expression part evaluated. */
    void charge(long units) {
        work += units;
        if (work > maxWork) {
            throw new LimitExceededException("MAX_WORK", "expanding this scenario takes more than " + maxWork
                    + " units of work (loop rounds, steps and operations); the limit is " + maxWork
                    + " (MAX_WORK); make its loops smaller");
        }
    }

    /**
     * Counts a loop's rounds before it starts; a loop whose rounds, each costing at least
     * {@code perRound}, cannot fit in what is left fails at once.
     */
    void chargeLoop(long rounds, long perRound, Pos pos) {
        if (rounds > (maxWork - work) / Math.max(1, perRound)) {
            throw new LimitExceededException("MAX_WORK", "the 'for' loop on line " + pos.line() + " would run "
                    + rounds + " times; expanding a scenario may take at most " + maxWork
                    + " units of work (MAX_WORK)");
        }
        work += rounds;
    }

    /** Counts characters of text built from a template with holes. */
    void chargeText(long chars) {
        text += chars;
        if (text > ScenarioLimits.MAX_TEXT) {
            throw new LimitExceededException("MAX_TEXT", "expanding this scenario would build more than "
                    + ScenarioLimits.MAX_TEXT + " characters of names, labels and printed text; the limit is "
                    + ScenarioLimits.MAX_TEXT + " (MAX_TEXT)");
        }
    }
}
