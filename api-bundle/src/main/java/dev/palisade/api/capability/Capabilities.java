package dev.palisade.api.capability;

import java.time.Clock;

import org.osgi.annotation.versioning.ProviderType;

/** The capabilities of one extension during one invocation. */
@ProviderType
public interface Capabilities {

    /** @return files, limited to the paths granted with {@code file.read} and {@code file.write} */
    ExtensionFiles files();

    /** @return an HTTP client, limited to the host:port pairs granted with {@code net.connect} */
    ExtensionHttp http();

    /** @return secrets, limited to the names granted with {@code secret.read} */
    Secrets secrets();

    /** @return this extension's own key-value store; needs no grant */
    KeyValueStore store();

    /** @return this extension's log; needs no grant */
    ExtensionLog log();

    /** @return the host's clock; needs no grant */
    Clock clock();
}
