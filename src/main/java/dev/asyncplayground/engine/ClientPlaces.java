package dev.asyncplayground.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * How many places each client holds in admission: reserved, waiting or running, until its runs end.
 *
 * <p>A null client (a run started in-process) holds none. Not thread-safe: {@link Admission} uses
 * it under its own lock.
 */
final class ClientPlaces {

    private final Map<String, Integer> held = new HashMap<>();

    /** Adds places to the client's, or gives some back when {@code places} is negative. */
    void add(String client, int places) {
        if (client != null) {
            held.merge(client, places, Integer::sum);
            held.remove(client, 0);
        }
    }

    /** The places the client holds now; 0 for a null client. */
    int of(String client) {
        return client == null ? 0 : held.getOrDefault(client, 0);
    }
}
