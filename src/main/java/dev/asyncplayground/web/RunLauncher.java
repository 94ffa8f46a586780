package dev.asyncplayground.web;

import dev.asyncplayground.engine.AdmissionTicket;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.scenario.Parameters;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Scenario;
import dev.asyncplayground.scenario.Value;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Binds parameters, expands the scenario and starts the run: the one path from a request to a run.
 *
 * <p>Throws {@link dev.asyncplayground.scenario.InvalidParameterException} for a bad value and
 * {@link dev.asyncplayground.scenario.LimitExceededException} for a run past a sandbox limit;
 * the app turns them into 400 and 422.
 */
final class RunLauncher {

    private final RunRegistry runs;

    RunLauncher(RunRegistry runs) {
        this.runs = runs;
    }

    /**
     * Reserves places for a request's runs, before the request is worked on, so that a refusal
     * (429) costs next to nothing. The client is the request's remote address.
     */
    AdmissionTicket reserve(Context ctx, int runCount) {
        return runs.reserve(ctx.req().getRemoteAddr(), runCount);
    }

    /** Binds, expands and starts the run on one of the ticket's places. */
    Run launch(Scenario scenario, Map<String, ?> params, RunOptions options, AdmissionTicket ticket) {
        return runs.start(expand(scenario, params), options, ticket);
    }

    /** Binds the parameters and expands the scenario within the task limit, without running it. */
    Program expand(Scenario scenario, Map<String, ?> params) {
        Map<String, Value> values = Parameters.bind(scenario.params(), params);
        return scenario.instantiate(values, runs.limits().maxTasks());
    }

    RunRegistry runs() {
        return runs;
    }
}
