package dev.palisade.api.extension;

import org.osgi.annotation.versioning.ProviderType;

import dev.palisade.api.capability.Capabilities;

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

    /**
     * @return what this invocation may do to the outside world: files, HTTP, secrets, its key-value store,
     *         its log and the clock, each checked against the extension's grants; usable only until the
     *         call returns (or times out)
     * @since 1.1
     */
    Capabilities capabilities();
}
