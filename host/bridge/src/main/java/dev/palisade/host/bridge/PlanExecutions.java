package dev.palisade.host.bridge;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs plans: registered by the execute module, called by the plan module for
 * {@code POST /api/v1/mplp/plans/{id}/execute} and {@code GET /api/v1/mplp/plans/{id}/status}. Thread-safe.
 */
@ProviderType
public interface PlanExecutions {

    /**
     * Checks that the plan can run (every task's extension deployed and serving, the context known) and
     * starts an execution; the tasks run in the background.
     *
     * @param plan    the stored plan, as {@link ProtocolObjects#find} of the plan module answers it
     * @param request the body of the execute call ({@code context_id}, {@code mode}, ...), as plain JSON
     *                values
     * @return the execution as {@code GET /api/v1/mplp/executions/{id}} answers it
     * @throws HostProblem 400 {@code schema-violation} for a bad request, 409 naming the task and the
     *                     extension that cannot run (missing, pending, quarantined); nothing is stored then
     */
    Map<String, Object> start(Map<String, Object> plan, Map<String, Object> request);

    /**
     * @return the plan's newest execution, as {@code GET /api/v1/mplp/executions/{id}} answers it; empty
     *         when the plan never ran
     */
    Optional<Map<String, Object>> latest(String planId);
}
