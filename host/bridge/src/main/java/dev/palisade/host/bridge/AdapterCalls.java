package dev.palisade.host.bridge;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Protocol objects handed to adapter extensions for an outside platform: registered by the extension
 * module. Thread-safe.
 */
@ProviderType
public interface AdapterCalls {

    /**
     * Has the adapter export one protocol object, on the adapter's executor and under its grants.
     *
     * @param adapter    the adapter extension's id or name
     * @param objectType the MPLP object type ({@code plan}, {@code context}, ...)
     * @param object     the object as plain JSON values
     * @param options    what the caller tells the adapter for this export (for example the outside
     *                   platform's endpoint or project), as plain JSON values; may be empty
     * @return what the adapter reports (for example the outside platform's ids), as plain JSON values
     * @throws HostProblem {@code extension-not-found} (404), {@code not-an-adapter} (409), and the
     *                     invocation problems of {@link ExtensionHost#invoke}
     */
    Map<String, Object> export(String adapter, String objectType, Map<String, Object> object,
            Map<String, Object> options);
}
