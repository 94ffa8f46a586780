package dev.asyncplayground.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Binds submitted values to a scenario's declared parameters, filling in defaults. */
public final class Parameters {

    private Parameters() {
    }

    /**
     * Returns one value per declared parameter, in declaration order.
     *
     * @throws InvalidParameterException for the first unknown name or unacceptable value
     */
    public static Map<String, Value> bind(List<Param> declared, Map<String, ?> submitted) {
        for (String name : submitted.keySet()) {
            if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                throw new InvalidParameterException(name, "unknown parameter '" + name + "'; known: "
                        + declared.stream().map(Param::name).collect(Collectors.joining(", ")));
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Param param : declared) {
            Object raw = submitted.get(param.name());
            values.put(param.name(), raw == null ? param.defaultValue() : param.accept(raw));
        }
        return values;
    }
}
