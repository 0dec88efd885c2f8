package dev.palisade.api.capability;

import org.osgi.annotation.versioning.ProviderType;

/** The extension's log: lines go to the host's log, tagged with the extension and invocation. */
@ProviderType
public interface ExtensionLog {

    void info(String message);

    void warn(String message);

    void error(String message);
}
