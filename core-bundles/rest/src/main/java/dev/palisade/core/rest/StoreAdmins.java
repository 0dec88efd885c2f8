package dev.palisade.core.rest;

import java.util.Map;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.host.bridge.StoreStatus;

/** The problems the admin resources answer when the store is missing or down. Stateless. */
final class StoreAdmins {

    private StoreAdmins() {
    }

    /** @throws HostProblem 503 {@code store-unavailable} when the store's service is not registered */
    static StoreAdmin require(StoreAdmin admin) {
        if (admin == null) {
            throw new HostProblem(503, "store-unavailable", "Store unavailable",
                    "the store (palisade-core-store) is not running; check the host log for why it did not open",
                    Map.of());
        }
        return admin;
    }

    /** @return the 503 {@code store-unavailable} problem for a store that is down */
    static HostProblem unavailable(StoreStatus status) {
        return new HostProblem(503, "store-unavailable", "Store unavailable", status.problem(),
                Map.of("database", status.database(), "url", status.url()));
    }
}
