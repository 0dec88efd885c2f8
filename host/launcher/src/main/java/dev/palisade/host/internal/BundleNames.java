package dev.palisade.host.internal;

import org.osgi.framework.Bundle;

/** How bundles are named in messages: {@code symbolic-name version [id]}. */
final class BundleNames {

    private BundleNames() {
    }

    static String of(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
