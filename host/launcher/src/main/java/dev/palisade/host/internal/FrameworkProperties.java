package dev.palisade.host.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Constants;

/** The framework properties a host starts with: the user's settings plus the launcher's own keys. */
final class FrameworkProperties {

    /** The bridge package, exported by the system bundle so core bundles share the launcher's copy. */
    static final String BRIDGE_EXPORT = "dev.palisade.host.bridge;version=1.2.0";

    /** Felix: whether class loads from bundle code may fall back to the boot class path implicitly. */
    static final String IMPLICIT_BOOT_DELEGATION = "felix.bootdelegation.implicit";

    private FrameworkProperties() {
    }

    /**
     * @param settings          the resolved settings
     * @param beginningStartLevel the start level the framework rises to
     * @return the properties for {@code FrameworkFactory.newFramework}
     */
    static Map<String, String> of(HostSettings settings, int beginningStartLevel) {
        HomeLayout layout = settings.layout();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("felix.log.level", "0"); // the launcher logs framework events itself
        properties.putAll(settings.properties());
        properties.put(Constants.FRAMEWORK_STORAGE, layout.frameworkCache().toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        String extra = settings.properties().get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                extra == null || extra.isBlank() ? BRIDGE_EXPORT : BRIDGE_EXPORT + "," + extra);
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(beginningStartLevel));
        // Extension classes must not reach the JDK's own packages behind the framework's back (the sandbox's
        // resolver hook decides what they wire to): no implicit boot delegation from their class loaders.
        properties.put(IMPLICIT_BOOT_DELEGATION, "false");
        properties.put("palisade.home", layout.home().toString());
        properties.put("palisade.deploy.dir", layout.deploy().toString());
        properties.put("palisade.data.dir", layout.data().toString());
        properties.put("palisade.trust.dir", layout.trust().toString());
        properties.put("palisade.version", PalisadeVersion.current());
        properties.put("org.apache.felix.http.host", "127.0.0.1");
        properties.put("org.osgi.service.http.port", Integer.toString(settings.port()));
        return properties;
    }
}
