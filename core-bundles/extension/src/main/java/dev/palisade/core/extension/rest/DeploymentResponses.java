package dev.palisade.core.extension.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.palisade.core.extension.deploy.Reasons;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.web.Json;

/**
 * How a deployment record answers an upload: 201 for a first deployment, 200 for a replacement or an
 * unchanged jar (both with the record as body), a 422 problem {@code deployment-refused} or
 * {@code deployment-failed} carrying the reason code and the record otherwise. Stateless.
 */
final class DeploymentResponses {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private DeploymentResponses() {
    }

    /** @return the HTTP status for a successful record */
    static int statusOf(DeploymentRecord record) {
        if (record.outcome() == DeploymentOutcome.DEPLOYED && !Reasons.UNCHANGED.equals(Reasons.codeOf(record.reason()))) {
            return 201;
        }
        return 200;
    }

    /** @return the problem for a REFUSED or FAILED record */
    static HostProblem problemOf(DeploymentRecord record) {
        boolean refused = record.outcome() == DeploymentOutcome.REFUSED;
        String code = Reasons.codeOf(record.reason());
        String text = code == null ? record.reason() : record.reason().substring(code.length() + 2).trim();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("reason", code);
        props.put("deployment", Json.mapper().convertValue(record, MAP));
        return new HostProblem(422, refused ? "deployment-refused" : "deployment-failed",
                refused ? "Deployment refused" : "Deployment failed",
                text.contains(record.fileName()) ? text : record.fileName() + ": " + text, props);
    }
}
