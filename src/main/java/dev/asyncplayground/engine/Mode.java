package dev.asyncplayground.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The execution models a scenario can run under. */
public enum Mode {
    SEQUENTIAL("sequential", "one platform thread runs the tasks one after another"),
    VIRTUAL_THREADS("virtual-threads", "one virtual thread per task, all at once, on a carrier per core"),
    EVENT_LOOP("event-loop", "one thread, asyncio style: waits are timers, CPU steps hold up every task"),
    PLATFORM_THREADS("platform-threads", "a fixed pool of OS threads; a waiting task keeps its thread, the rest queue");

    private final String id;
    private final String description;

    Mode(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used in the API and on the page, e.g. {@code virtual-threads}. */
    public String id() {
        return id;
    }

    /** One line saying what the model does. */
    public String description() {
        return description;
    }

    /** The mode with this id, if any. */
    public static Optional<Mode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /** All ids, comma separated, for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
    }
}
