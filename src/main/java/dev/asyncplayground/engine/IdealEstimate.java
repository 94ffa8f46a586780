package dev.asyncplayground.engine;

import dev.asyncplayground.scenario.Program;

/** How long a program would run under a mode with zero overhead, for pages that say how long something takes. */
public final class IdealEstimate {

    private IdealEstimate() {
    }

    /** Real seconds the program takes under the mode's default options at this time scale. */
    public static double realSeconds(Program program, Mode mode, double speed) {
        return IdealTime.of(program, mode) / 1e9 / speed;
    }
}
