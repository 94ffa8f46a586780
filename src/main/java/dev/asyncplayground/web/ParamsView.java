package dev.asyncplayground.web;

import dev.asyncplayground.scenario.Diagnostic;
import java.util.List;

/**
 * The part of the form that follows the scenario text: its diagnostics and parameter fields.
 *
 * @param diagnostics problems in the scenario text, with line and column
 * @param fields      one per declared parameter (none while the text has errors)
 * @param kept        submitted values carried along, hidden, while the fields cannot be shown
 * @param error       a problem not tied to one field (no mode ticked, a limit), else null
 */
public record ParamsView(List<Diagnostic> diagnostics, List<FieldView> fields, List<KeptValue> kept, String error) {

    /** A submitted value kept in a hidden field. */
    public record KeptValue(String name, String value) {}
}
