package dev.palisade.core.execute.store;

import java.time.Instant;
import java.util.Map;

/**
 * What an execution is, fixed when it starts.
 *
 * @param id        the execution's id (also its trace id)
 * @param planId    the plan it runs
 * @param contextId the context it runs in
 * @param agentId   the requesting agent, or {@code null}
 * @param strategy  the plan's execution strategy
 * @param createdAt when it was created
 * @param request   the execute request as received
 */
public record ExecutionHeader(String id, String planId, String contextId, String agentId, String strategy,
        Instant createdAt, Map<String, Object> request) {
}
