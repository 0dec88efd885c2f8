package dev.palisade.core.extension.enforce;

import java.util.Optional;

import org.osgi.framework.Bundle;

import dev.palisade.core.extension.deploy.ExtensionInstaller;
import dev.palisade.sandbox.weaving.ExtensionBundles;

/**
 * Tells the sandbox's hooks which bundles are extensions: exactly those the pipeline installed, known by
 * the location it gave them ({@code palisade-extension:<id>/<version>/<attempt>}), never by a manifest
 * header the extension controls. Stateless, fast, never throws; thread-safe.
 */
public final class ExtensionLocations implements ExtensionBundles {

    @Override
    public Optional<String> extensionId(Bundle bundle) {
        if (bundle == null) {
            return Optional.empty();
        }
        String location;
        try {
            location = bundle.getLocation();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return idOf(location);
    }

    /**
     * @param location a bundle location
     * @return the extension id it carries, if it is a location the pipeline gives
     */
    public static Optional<String> idOf(String location) {
        if (location == null || !location.startsWith(ExtensionInstaller.LOCATION_PREFIX)) {
            return Optional.empty();
        }
        int start = ExtensionInstaller.LOCATION_PREFIX.length();
        int end = location.indexOf('/', start);
        String id = end < 0 ? location.substring(start) : location.substring(start, end);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}
