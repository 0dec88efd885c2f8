package dev.palisade.core.context;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One context as stored: its MPLP object (with the host's {@code metadata.revision}) and the revision the
 * row is at.
 *
 * @param id       the context's id
 * @param revision how many changes the context has seen, 1 after it was created
 * @param body     the MPLP object; callers copy before changing it
 */
record StoredContext(String id, long revision, ObjectNode body) {

    String status() {
        return body.path(ContextRules.STATUS).asText();
    }

    String stage() {
        return body.path(ContextRules.STAGE).asText();
    }

    /** @return {@code "context <id>"}, how messages name it */
    String what() {
        return "context " + id;
    }
}
