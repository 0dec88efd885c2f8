package dev.palisade.core.extension.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serving extensions, keyed by id; names are unique among them. Readers see a consistent snapshot
 * (copy-on-write), so a switch from one version to the next is a single step for every caller. Writers
 * are serialized by the deployment lock of the pipeline; the methods are nevertheless thread-safe on
 * their own.
 */
public final class ExtensionRegistry {

    private volatile Map<String, ActiveExtension> byId = Map.of();

    /**
     * @param idOrName an id or a name
     * @return the serving extension whose id, or else whose name, equals the argument
     */
    public Optional<ActiveExtension> find(String idOrName) {
        Map<String, ActiveExtension> snapshot = byId;
        ActiveExtension found = snapshot.get(idOrName);
        if (found != null) {
            return Optional.of(found);
        }
        return snapshot.values().stream().filter(e -> e.name().equals(idOrName)).findFirst();
    }

    /** @return the serving version of the extension with this id */
    public Optional<ActiveExtension> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the serving extension with this name */
    public Optional<ActiveExtension> byName(String name) {
        return byId.values().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** @return the serving extension whose jar was deployed from this file */
    public Optional<ActiveExtension> byOrigin(Path origin) {
        return byId.values().stream().filter(e -> e.origin().equals(origin)).findFirst();
    }

    /** @return every serving extension, ordered by name */
    public List<ActiveExtension> all() {
        List<ActiveExtension> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(ActiveExtension::name));
        return all;
    }

    /**
     * Makes {@code next} the serving version of its id in one step.
     *
     * @return the version it replaced, if any
     */
    public synchronized Optional<ActiveExtension> switchTo(ActiveExtension next) {
        Map<String, ActiveExtension> copy = new LinkedHashMap<>(byId);
        ActiveExtension previous = copy.put(next.id(), next);
        byId = Map.copyOf(copy);
        return Optional.ofNullable(previous);
    }

    /** Removes the extension with this id; returns what was removed. */
    public synchronized Optional<ActiveExtension> remove(String id) {
        Map<String, ActiveExtension> copy = new LinkedHashMap<>(byId);
        ActiveExtension previous = copy.remove(id);
        byId = Map.copyOf(copy);
        return Optional.ofNullable(previous);
    }
}
