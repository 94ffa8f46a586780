package dev.asyncplayground.exercise;

import dev.asyncplayground.scenario.Scenario;
import java.util.List;

/**
 * A built-in exercise: a scenario plus the words that turn it into a lesson.
 *
 * @param id          stable identifier used in URLs and the API
 * @param title       shown in the list and as the page heading
 * @param summary     one line for the exercise list
 * @param explanation what the scenario does, in plain words
 * @param notice      what to look for in the timelines
 * @param question    the prediction question asked before running
 * @param scenario    what runs
 * @param source      the scenario's text, shown in the editor
 * @param modes       the execution models compared by default
 * @param see         what the learner will see, for the exercise's card on the landing page
 * @param speed       the time scale it runs at by default (scenario time = real time × speed)
 */
public record Exercise(String id, String title, String summary, String explanation, String notice,
                       String question, Scenario scenario, String source, List<String> modes, String see,
                       double speed) {

    public Exercise {
        modes = List.copyOf(modes);
    }
}
