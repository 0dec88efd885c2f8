package dev.palisade.api.capability;

import org.osgi.annotation.versioning.ProviderType;

/** Secrets the operator keeps for extensions, each readable only with its {@code secret.read} grant. */
@ProviderType
public interface Secrets {

    /**
     * @param name the secret's name
     * @return its value
     * @throws dev.palisade.api.extension.ExtensionException with code {@code secret_not_found} when
     *         the operator has not set it
     */
    String read(String name);
}
