package dev.palisade.host.bridge;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Questions to the policy extensions: registered by the extension module. Questions are named
 * {@code confirmation.auto_decide}, {@code plan.quality_gate}, .... Thread-safe.
 */
@ProviderType
public interface PolicyDecisions {

    /**
     * Asks every policy extension that answers {@code question}; a deny wins over an allow. A policy that
     * fails or runs over its time limit counts as a deny naming why.
     *
     * @param subject what the question is about, as plain JSON values
     * @return the decision; {@code none} when no policy answers the question
     */
    PolicyVerdict decide(String question, Map<String, Object> subject);
}
