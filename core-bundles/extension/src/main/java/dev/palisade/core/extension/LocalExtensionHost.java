package dev.palisade.core.extension;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.palisade.core.extension.deploy.DeploymentRecords;
import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.core.extension.grant.PermissionJson;
import dev.palisade.core.extension.invoke.Invoker;
import dev.palisade.core.extension.kinds.ServingCheck;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.run.Quarantine;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.ExtensionInfo;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.permission.Permission;

/**
 * The {@link ExtensionHost} service over the pipeline, the registry, the stored records and the invoker, plus the
 * operator's actions the bridge does not carry (permissions, approval, release, scan report), which the
 * REST resources of this bundle use. Thread-safe.
 */
public final class LocalExtensionHost implements ExtensionHost {

    private final DeploymentPipeline pipeline;
    private final ExtensionRegistry registry;
    private final DeploymentRecords log;
    private final Invoker invoker;

    LocalExtensionHost(DeploymentPipeline pipeline, ExtensionRegistry registry, DeploymentRecords log, Invoker invoker) {
        this.pipeline = pipeline;
        this.registry = registry;
        this.log = log;
        this.invoker = invoker;
    }

    @Override
    public DeploymentRecord deploy(Path jar, DeploymentSource source) {
        return pipeline.deploy(jar, source);
    }

    @Override
    public DeploymentRecord undeploy(String idOrName, DeploymentSource source) {
        return pipeline.undeploy(idOrName, source);
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return registry.all().stream().map(ActiveExtension::info).toList();
    }

    @Override
    public Optional<ExtensionInfo> extension(String idOrName) {
        return registry.find(idOrName).map(ActiveExtension::info);
    }

    /**
     * @throws HostProblem as {@link ExtensionHost#invoke}, and 409 {@code not-a-plugin} for a hook, policy or
     *         adapter (naming what it answers instead), 409 {@code extension-pending} naming what awaits approval,
     *         409 {@code extension-quarantined} saying why
     */
    @Override
    public Object invoke(String idOrName, String method, Map<String, Object> input) {
        ActiveExtension extension = find(idOrName);
        ServingCheck.require(extension, ExtensionKind.PLUGIN, "executed");
        return invoker.invoke(extension, method, input);
    }

    /** @throws HostProblem the store's problem (503 {@code store-unavailable}) while it is down */
    @Override
    public List<DeploymentRecord> deployments() {
        return log.recent();
    }

    /** @return the registry view plus the quarantine, what awaits approval and the run-time accounting */
    public Map<String, Object> details(String idOrName) {
        ActiveExtension extension = find(idOrName);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = dev.palisade.web.Json.mapper().convertValue(extension.info(), Map.class);
        Map<String, Object> details = new LinkedHashMap<>(json);
        extension.runtime().quarantine().ifPresent(q -> details.put("quarantine", quarantineJson(q)));
        if (extension.pending()) {
            details.put("pending", PermissionJson.list(extension.permissions().pending()));
        }
        details.put("runtime", extension.runtime().stats());
        return details;
    }

    /** @return requested versus granted, with the state */
    public Map<String, Object> permissions(String idOrName) {
        return permissionsJson(find(idOrName));
    }

    /**
     * @param permissions what to approve, or {@code null} for everything pending
     * @param by          who approves
     * @return requested versus granted after the approval, with the state
     * @throws HostProblem see {@link DeploymentPipeline#grant}
     */
    public Map<String, Object> grant(String idOrName, List<Permission> permissions, String by) {
        return permissionsJson(pipeline.grant(idOrName, permissions, by));
    }

    /**
     * Lifts a quarantine.
     *
     * @throws HostProblem 404 unknown; 409 {@code extension-not-quarantined}
     */
    public Map<String, Object> release(String idOrName, String by) {
        ActiveExtension extension = find(idOrName);
        Quarantine lifted = extension.runtime().release(by).orElseThrow(() -> new HostProblem(409,
                "extension-not-quarantined", "Not quarantined", "extension " + extension.label() + " is "
                        + extension.state() + ", not quarantined; there is nothing to release",
                Map.of("extension", extension.id(), "state", extension.state())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("extension", extension.id());
        json.put("name", extension.name());
        json.put("version", extension.version());
        json.put("state", extension.state());
        json.put("released", quarantineJson(lifted));
        return json;
    }

    /** @return the install-time bytecode scan report of the deployed version */
    public Map<String, Object> scan(String idOrName) {
        ActiveExtension extension = find(idOrName);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("extension", extension.id());
        json.put("name", extension.name());
        json.put("version", extension.version());
        json.putAll(extension.scan());
        return json;
    }

    private ActiveExtension find(String idOrName) {
        return registry.find(idOrName).orElseThrow(() -> DeploymentPipeline.notFound(idOrName));
    }

    private static Map<String, Object> permissionsJson(ActiveExtension extension) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("extension", extension.id());
        json.put("name", extension.name());
        json.put("version", extension.version());
        json.put("state", extension.state());
        json.putAll(extension.permissions().toJson());
        return json;
    }

    private static Map<String, Object> quarantineJson(Quarantine quarantine) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("since", quarantine.since().toString());
        json.put("reason", quarantine.reason());
        return json;
    }
}
