package dev.asyncplayground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncplayground.scenario.Param;
import dev.asyncplayground.scenario.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON mapper, and the JSON shapes of parameters and values. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A value as the API carries it: numbers, arrays, booleans, or strings with units. */
    static Object value(Value value) {
        return switch (value) {
            case Value.Int i -> i.value();
            case Value.IntList list -> list.values();
            case Value.Dur d -> d.display();
            case Value.Bool b -> b.value();
            case Value.Text t -> t.value();
        };
    }

    /** A declared parameter: name, type, default and, where set, bounds and choices. */
    static Map<String, Object> param(Param param) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", param.name());
        json.put("type", param.type().keyword());
        json.put("default", value(param.defaultValue()));
        if (param.min() != null) {
            json.put("min", value(param.min()));
        }
        if (param.max() != null) {
            json.put("max", value(param.max()));
        }
        if (!param.choices().isEmpty()) {
            json.put("choices", param.choices());
        }
        json.put("description", param.description());
        return json;
    }
}
