package dev.palisade.api.extension;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The entry class contract of a {@code policy} extension: answers the questions its descriptor lists in
 * {@code interface.events}, named {@code <area>.<question>} ({@code confirmation.auto_decide},
 * {@code plan.quality_gate}, ...).
 *
 * <p>The host asks every policy that lists a question, on each policy's own threads within its time limit;
 * a deny wins over an allow. A policy that throws, answers {@code null} or runs past its limit counts as a
 * deny naming why, so a broken policy never lets something through. The host creates one instance per
 * deployed version through the public no-argument constructor and may call it from several threads at once,
 * so it must be thread-safe.
 *
 * @since 1.2
 */
@ConsumerType
public interface Policy {

    /**
     * Answers one question.
     *
     * @param question a question the descriptor lists, such as {@code plan.quality_gate}
     * @param subject  what the question is about (the plan, the confirmation, ...), JSON-compatible values only
     * @param context  facts about this call, valid only until the method returns
     * @return {@link PolicyDecision#allow} or {@link PolicyDecision#deny}
     */
    PolicyDecision decide(String question, Map<String, Object> subject, InvocationContext context);
}
