package dev.palisade.core.extension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.palisade.core.extension.deploy.DeploymentLog;
import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.core.extension.invoke.Invoker;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.ExtensionInfo;

/**
 * The {@link ExtensionHost} service over the pipeline, the registry, the log and the invoker.
 * Thread-safe.
 */
public final class LocalExtensionHost implements ExtensionHost {

    private final DeploymentPipeline pipeline;
    private final ExtensionRegistry registry;
    private final DeploymentLog log;
    private final Invoker invoker;

    LocalExtensionHost(DeploymentPipeline pipeline, ExtensionRegistry registry, DeploymentLog log, Invoker invoker) {
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

    @Override
    public Object invoke(String idOrName, String method, Map<String, Object> input) {
        ActiveExtension extension = registry.find(idOrName).orElseThrow(() -> DeploymentPipeline.notFound(idOrName));
        return invoker.invoke(extension, method, input);
    }

    @Override
    public List<DeploymentRecord> deployments() {
        return log.newestFirst();
    }
}
