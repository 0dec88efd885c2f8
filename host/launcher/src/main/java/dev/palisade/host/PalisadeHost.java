package dev.palisade.host;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.ExtensionInfo;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.StoreAdmin;

/**
 * A running Palisade host, as {@link Palisade.Builder#start()} returns it. Thread-safe. Closing it
 * stops the framework and waits until every bundle has stopped; calls after that throw
 * {@link IllegalStateException}.
 */
public interface PalisadeHost extends AutoCloseable {

    /** @return the TCP port the HTTP endpoint listens on (on 127.0.0.1) */
    int port();

    /** @return the HTTP endpoint's base address, such as {@code http://127.0.0.1:8080/} */
    URI baseUri();

    /** @return true while the host is started and serving; false once it is closed */
    boolean ready();

    /**
     * Runs a jar through the deploy pipeline (stage, verify signature, check, install, switch).
     * Refusals are not thrown: the record's outcome and reason say what happened.
     *
     * @param jar the extension jar; read, never moved or modified
     * @return the record of this attempt
     * @throws HostProblem with status 503 when the extension module is not running
     */
    DeploymentRecord deploy(Path jar);

    /**
     * Stops and removes a deployed extension.
     *
     * @param idOrName the extension's id or name
     * @return the record of the removal
     * @throws HostProblem with status 404 when no such extension is deployed, 503 when the
     *         extension module is not running
     */
    DeploymentRecord undeploy(String idOrName);

    /**
     * Invokes a method of a deployed plugin; input and output are checked against the method's
     * schemas.
     *
     * @param idOrName the extension's id or name
     * @param method   the method name
     * @param input    JSON-compatible input object
     * @return the JSON-compatible output
     * @throws HostProblem naming what was wrong (404 unknown extension or method, 400 bad input,
     *         422 error reported by the extension, 502 extension failure, 503 module not running)
     */
    Object invoke(String idOrName, String method, Map<String, Object> input);

    /** @return the deployed extensions, ordered by name */
    List<ExtensionInfo> extensions();

    /** @return every deployment attempt since the host started, newest first */
    List<DeploymentRecord> deployments();

    /**
     * The store: health, backup, restore and the audit log. The returned object serves while this
     * host runs; its calls throw {@link HostProblem}s as {@link StoreAdmin} describes.
     *
     * @return the store's service
     * @throws HostProblem with status 503 ({@code store-unavailable}) when the store is not running
     */
    StoreAdmin store();

    /**
     * Stops the framework and waits for it to finish. Calling it again does nothing.
     *
     * @throws PalisadeStopException when the framework did not stop in time
     */
    @Override
    void close();
}
