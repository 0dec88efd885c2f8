package dev.palisade.core.extension.kinds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.api.extension.Adapter;
import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.core.extension.invoke.EntryCall;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.host.bridge.AdapterCalls;
import dev.palisade.host.bridge.HostProblem;

/**
 * {@link AdapterCalls} over the deployed adapter extensions: the named adapter exports one object on its own
 * pool, within its time limit, under its grants (its HTTP capability reaches only the hosts its granted
 * {@code net.connect} permissions name). Thread-safe.
 */
public final class AdapterDispatcher implements AdapterCalls {

    private final ExtensionRegistry registry;
    private final EntryCall calls;

    /**
     * @param registry the deployed extensions
     * @param calls    runs each call on the adapter's own pool, under its grants and time limit
     */
    public AdapterDispatcher(ExtensionRegistry registry, EntryCall calls) {
        this.registry = registry;
        this.calls = calls;
    }

    /**
     * @throws HostProblem as {@link AdapterCalls#export}, and 409 {@code extension-pending}; 409
     *         {@code object-type-not-exported} when the adapter does not list {@code export:<objectType>}; 502
     *         {@code invalid-output} when it answers something other than an object
     * @throws IllegalArgumentException when {@code object} or {@code options} is not plain JSON (a defect of the
     *         calling module)
     */
    @Override
    public Map<String, Object> export(String adapter, String objectType, Map<String, Object> object,
            Map<String, Object> options) {
        ActiveExtension extension = registry.find(adapter).orElseThrow(() -> DeploymentPipeline.notFound(adapter));
        ServingCheck.require(extension, ExtensionKind.ADAPTER, "asked to export");
        String subscription = "export:" + objectType;
        if (!extension.events().contains(subscription)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("extension", extension.id());
            props.put("object_type", objectType);
            props.put("exports", extension.events());
            throw new HostProblem(409, "object-type-not-exported", "The adapter does not export this type",
                    "adapter " + extension.label() + " does not export '" + objectType + "' objects; it lists "
                            + String.join(", ", extension.events()) + " in interface.events", props);
        }
        Map<String, Object> given = JsonCopies.of(object, "the " + objectType + " to export");
        Map<String, Object> givenOptions = JsonCopies.of(options, "the options of the export");
        Object answer = calls.run(extension, subscription,
                (entry, context) -> ((Adapter) entry).export(objectType, given, givenOptions, context));
        if (!(answer instanceof Map<?, ?> map)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("extension", extension.name());
            props.put("version", extension.version());
            props.put("method", subscription);
            throw new HostProblem(502, "invalid-output", "The extension returned an invalid output",
                    "adapter " + extension.label() + " answered " + (answer == null ? "null" : "a "
                            + (answer instanceof List ? "list" : "value")) + " to " + subscription + "; an export"
                            + " answers an object. This is a defect of the extension: report it to its publisher",
                    props);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) map;
        return result;
    }
}
