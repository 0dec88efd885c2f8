package dev.palisade.sandbox.weaving;

import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * Tells the sandbox's hooks which bundles are extensions, and the id of each. Implemented by the
 * host, which knows what it installed (for example by bundle location).
 *
 * <p>Called while classes load and bundles resolve, on any thread: it must be fast, must not
 * block on framework operations and must not throw.
 */
@FunctionalInterface
public interface ExtensionBundles {

    /**
     * @param bundle any bundle of the framework
     * @return the extension id if {@code bundle} is an extension, else empty
     */
    Optional<String> extensionId(Bundle bundle);

    /** @return whether {@code bundle} is an extension */
    default boolean isExtension(Bundle bundle) {
        return bundle != null && extensionId(bundle).isPresent();
    }
}
