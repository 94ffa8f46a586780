package dev.asyncplayground.scenario;

import java.util.List;
import java.util.Map;

/** Something that declares parameters and, given their values, yields a runnable {@link Program}. */
public interface Scenario {

    /** The declared parameters, in the order the form shows them. */
    List<Param> params();

    /**
     * Expands the scenario for the given parameter values.
     *
     * @param values   one value per declared parameter (see {@link Parameters#bind})
     * @param maxTasks the sandbox's task limit; exceeding it throws {@link LimitExceededException}
     */
    Program instantiate(Map<String, Value> values, int maxTasks);
}
