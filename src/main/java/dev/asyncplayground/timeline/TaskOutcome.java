package dev.asyncplayground.timeline;

/** How a task ended. */
public enum TaskOutcome {
    DONE, FAILED, CANCELLED;

    /** The lower-case name used in JSON and on the page. */
    public String label() {
        return name().toLowerCase();
    }
}
