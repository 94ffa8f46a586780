package dev.asyncplayground.web;

import dev.asyncplayground.engine.AdmissionTicket;
import dev.asyncplayground.engine.Busy;
import dev.asyncplayground.engine.Mode;
import dev.asyncplayground.engine.Run;
import dev.asyncplayground.engine.RunOptions;
import dev.asyncplayground.engine.RunRegistry;
import dev.asyncplayground.engine.Reservation;
import dev.asyncplayground.engine.Start;
import dev.asyncplayground.scenario.Expansion;
import dev.asyncplayground.scenario.Program;
import dev.asyncplayground.scenario.Scenario;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds parameters, expands the scenario and starts the run: the one path from a request to a run.
 *
 * <p>Every answer is a value, on the form's path and the API's alike: admission's
 * ({@link Reservation}, {@link Start}) and the scenario's ({@link Expansion}). {@link Refusal}
 * turns any of them into what the learner is told.
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
    Reservation reserve(Context ctx, int runCount) {
        return runs.reserve(ctx.req().getRemoteAddr(), runCount);
    }

    /** Starts a run of the program on one of the ticket's places. */
    Start start(Program program, RunOptions options, AdmissionTicket ticket) {
        return runs.start(program, options, ticket);
    }

    /**
     * Starts one run per options, on places reserved for all of them first: all or none. The
     * scenario is expanded once, for every mode. If a run is refused nonetheless (a limit of its
     * mode, the queue filled meanwhile), the runs already started are cancelled, so none is left
     * running where nobody sees it.
     */
    Launch launchAll(Context ctx, Scenario scenario, Map<String, ?> params, List<RunOptions> options) {
        return switch (reserve(ctx, options.size())) {
            case Reservation.Refused(Busy busy) -> new Launch.Refused(Refusal.of(busy), Optional.empty(), 0);
            case Reservation.Granted(AdmissionTicket ticket) -> {
                try (ticket) {
                    yield switch (expand(scenario, params)) {
                        case Expansion.Expanded(Program program) -> startEach(program, options, ticket);
                        case Expansion.Rejected rejected ->
                                new Launch.Refused(Refusal.of(rejected), Optional.empty(), 0);
                    };
                }
            }
        };
    }

    private Launch startEach(Program program, List<RunOptions> options, AdmissionTicket ticket) {
        List<Run> started = new ArrayList<>();
        for (RunOptions one : options) {
            switch (runs.start(program, one, ticket)) {
                case Start.Admitted(Run run) -> started.add(run);
                case Start.TurnedDown turnedDown -> {
                    return refused(started, Refusal.of(turnedDown), one.mode());
                }
            }
        }
        return new Launch.Started(List.copyOf(started));
    }

    private static Launch refused(List<Run> started, Refusal refusal, Mode mode) {
        started.forEach(run -> run.cancel("cancelled: another mode of the same comparison was refused"));
        return new Launch.Refused(refusal, Optional.of(mode), started.size());
    }

    /** Binds the parameters and expands the scenario within the task limit, without running it. */
    Expansion expand(Scenario scenario, Map<String, ?> params) {
        return Expansion.of(scenario, params, runs.limits().maxTasks());
    }

    RunRegistry runs() {
        return runs;
    }
}
