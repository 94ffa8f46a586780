package dev.asyncplayground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.export.Language;
import dev.asyncplayground.export.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The export choices the Code view offers: per language, the styles of each mode (the default first). */
final class ExportChoices {

    private static final String JSON = build();

    private ExportChoices() {
    }

    /** {@code {"python":{"sequential":["plain"],…},"java":{…}}}, from {@link Language}'s own table. */
    static String json() {
        return JSON;
    }

    private static String build() {
        Map<String, Map<String, List<String>>> choices = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            Map<String, List<String>> modes = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                List<Style> styles = language.styles(mode.id());
                if (!styles.isEmpty()) {
                    modes.put(mode.id(), styles.stream().map(Style::id).toList());
                }
            }
            choices.put(language.id(), modes);
        }
        try {
            return Json.MAPPER.writeValueAsString(choices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
