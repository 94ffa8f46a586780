package dev.asyncplayground.web;

import java.util.List;

/**
 * The run form of an exercise page: parameter fields, mode checkboxes and a form-wide error.
 *
 * @param exerciseId where the form posts to
 * @param fields     one per declared parameter
 * @param modes      the execution models on offer
 * @param speed      the time scale field's value
 * @param error      a problem not tied to one field (no mode ticked, a limit), else null
 */
public record FormView(String exerciseId, List<FieldView> fields, List<ModeChoice> modes, String speed, String error) {

    /** One mode checkbox. */
    public record ModeChoice(String id, String description, boolean checked) {}
}
