package dev.palisade.host.bridge;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The extension module as a service: deploy, list, invoke and remove extensions. Registered by
 * the core extension bundle; used by the embedding API and the command line. Thread-safe.
 */
@ProviderType
public interface ExtensionHost {

    /**
     * Runs a jar through the deploy pipeline: stage a private copy, verify its signature against
     * the trust store, check manifest and descriptor, install, start and switch traffic to it.
     * Refusals and failures are not thrown: they come back as a record whose outcome and reason
     * say what happened, and whatever was serving before keeps serving.
     *
     * @param jar    the jar to deploy; read, never moved or modified
     * @param source where the jar came from
     * @return the record of this attempt, also listed by {@link #deployments()}
     */
    DeploymentRecord deploy(Path jar, DeploymentSource source);

    /**
     * Stops and removes a deployed extension.
     *
     * @param idOrName the extension's id or name
     * @param source   who asked for the removal
     * @return the record of the removal
     * @throws HostProblem with status 404 when no such extension is deployed
     */
    DeploymentRecord undeploy(String idOrName, DeploymentSource source);

    /** @return the deployed extensions, ordered by name */
    List<ExtensionInfo> extensions();

    /**
     * @param idOrName the extension's id (uuid) or name
     * @return the deployed extension, if any
     */
    Optional<ExtensionInfo> extension(String idOrName);

    /**
     * Invokes a method of a deployed plugin. The input is validated against the method's input
     * schema and the output against its output schema.
     *
     * @param idOrName the extension's id or name
     * @param method   the method name
     * @param input    JSON-compatible input object
     * @return the JSON-compatible output
     * @throws HostProblem naming what was wrong: unknown extension or method (404), input that
     *         breaks the schema (400), an error the extension reported (422), an extension
     *         failure or an output that breaks its schema (502)
     */
    Object invoke(String idOrName, String method, Map<String, Object> input);

    /**
     * @return the newest deployment attempts (at most 1000), newest first, kept across restarts when the
     *         host has a store
     * @throws HostProblem the store's problem (503 {@code store-unavailable}) while it cannot be read
     */
    List<DeploymentRecord> deployments();
}
