package dev.palisade.api.extension;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Facts about the current invocation, supplied by the host. Valid only for the duration of the
 * call it was passed to; not to be kept or shared with other threads.
 */
@ProviderType
public interface InvocationContext {

    /** @return the extension's id from its descriptor (an MPLP uuid) */
    String extensionId();

    /** @return the extension's name from its descriptor */
    String extensionName();

    /** @return the deployed version of the extension, as its descriptor gives it */
    String extensionVersion();

    /** @return the name of the method being invoked */
    String method();

    /** @return a unique id for this invocation, for correlating logs */
    String invocationId();
}
