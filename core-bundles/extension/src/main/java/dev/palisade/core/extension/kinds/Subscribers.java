package dev.palisade.core.extension.kinds;

import java.util.List;

import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.registry.ExtensionRegistry;

/** Finds the deployed extensions of one kind that list an entry of {@code interface.events}. Thread-safe. */
final class Subscribers {

    private final ExtensionRegistry registry;

    Subscribers(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** @return the deployed extensions of {@code kind} listing {@code entry}, pending or not, in name order */
    List<ActiveExtension> listing(ExtensionKind kind, String entry) {
        return registry.all().stream()
                .filter(extension -> extension.kind() == kind && extension.events().contains(entry))
                .toList();
    }

    /** @return those of {@link #listing} that take calls now (started, not quarantined), in name order */
    List<ActiveExtension> serving(ExtensionKind kind, String entry) {
        return registry.all().stream()
                .filter(extension -> extension.kind() == kind && extension.events().contains(entry)
                        && ActiveExtension.STATE_ACTIVE.equals(extension.state()))
                .toList();
    }
}
