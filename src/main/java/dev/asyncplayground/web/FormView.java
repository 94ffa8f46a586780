package dev.asyncplayground.web;

import java.util.List;

/**
 * The run form: the scenario editor, its parameters, the modes to compare and the speed.
 *
 * @param exerciseId     the exercise the text came from, or empty for a new scenario
 * @param source         the scenario text in the editor
 * @param originalSource the text "Reset" brings back
 * @param params         diagnostics and parameter fields
 * @param modes          the execution models on offer
 * @param speed          the time scale field's value
 * @param threads        the platform-threads pool size field's value
 * @param limit          the virtual-threads in-flight limit field's value (empty for none)
 * @param gil            whether platform-threads takes the global interpreter lock
 */
public record FormView(String exerciseId, String source, String originalSource, ParamsView params,
                       List<ModeChoice> modes, String speed, String threads, String limit, boolean gil) {

    /** The export languages and their styles per mode, as JSON for the Code view's script. */
    public String exportChoices() {
        return ExportChoices.json();
    }

    /** The largest speed the speed field accepts. */
    public int maxSpeed() {
        return (int) RunRequest.MAX_SPEED;
    }

    /** One mode checkbox. */
    public record ModeChoice(String id, String description, boolean checked) {}
}
