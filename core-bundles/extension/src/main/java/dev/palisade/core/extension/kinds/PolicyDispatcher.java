package dev.palisade.core.extension.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.api.extension.Policy;
import dev.palisade.api.extension.PolicyDecision;
import dev.palisade.core.extension.grant.PermissionJson;
import dev.palisade.core.extension.invoke.EntryCall;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.PolicyVerdict;

/**
 * {@link PolicyDecisions} over the deployed policy extensions. Every policy listing the question is asked, one
 * after another in name order, each on its own pool within its time limit. The first deny ends it: the verdict
 * names that policy and its reason. A policy that cannot answer — it throws, answers {@code null}, runs past its
 * limit, is quarantined, or is still pending approval — denies, the reason saying why: a broken policy never lets
 * anything through. When all allow, the verdict names them all ({@code "a, b"}), joins their reasons with
 * {@code "; "} and lists their obligations in order. No policy listing the question: {@code none}. Thread-safe.
 */
public final class PolicyDispatcher implements PolicyDecisions {

    private static final System.Logger LOG = System.getLogger(PolicyDispatcher.class.getName());

    private final Subscribers subscribers;
    private final EntryCall calls;

    /**
     * @param registry the deployed extensions
     * @param calls    runs each call on the policy's own pool, under its grants and time limit
     */
    public PolicyDispatcher(ExtensionRegistry registry, EntryCall calls) {
        this.subscribers = new Subscribers(registry);
        this.calls = calls;
    }

    /**
     * @throws IllegalArgumentException when {@code subject} is not plain JSON (a defect of the calling module)
     */
    @Override
    public PolicyVerdict decide(String question, Map<String, Object> subject) {
        Map<String, Object> copy = JsonCopies.of(subject, "the subject of " + question);
        List<String> names = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> obligations = new ArrayList<>();
        for (ActiveExtension policy : subscribers.listing(ExtensionKind.POLICY, question)) {
            Answer answer = ask(policy, question, JsonCopies.of(copy, "the subject of " + question));
            if (!answer.allowed()) {
                return new PolicyVerdict("deny", policy.name(), answer.reason(), List.of());
            }
            names.add(policy.name());
            reasons.add(answer.reason());
            obligations.addAll(answer.obligations());
        }
        if (names.isEmpty()) {
            return new PolicyVerdict("none", null, null, List.of());
        }
        return new PolicyVerdict("allow", String.join(", ", names), String.join("; ", reasons),
                List.copyOf(obligations));
    }

    private Answer ask(ActiveExtension policy, String question, Map<String, Object> subject) {
        if (policy.pending()) {
            return Answer.deny("policy " + policy.label() + " cannot answer " + question + ": it waits for approval"
                    + " of " + PermissionJson.text(policy.permissions().pending()) + "; an operator approves with"
                    + " POST /api/v1/mplp/extensions/" + policy.id() + "/grant");
        }
        Map<?, ?> answer;
        try {
            answer = (Map<?, ?>) calls.run(policy, question,
                    (entry, context) -> decision(((Policy) entry).decide(question, subject, context)));
        } catch (HostProblem e) {
            LOG.log(System.Logger.Level.WARNING, "policy " + policy.label() + " could not answer " + question + " ["
                    + e.type() + "], which counts as a deny: " + e.detail());
            return Answer.deny("policy " + policy.label() + " could not answer " + question + " [" + e.type()
                    + "], which counts as a deny: " + e.detail());
        }
        @SuppressWarnings("unchecked")
        List<String> obligations = (List<String>) answer.get("obligations");
        return new Answer(Boolean.TRUE.equals(answer.get("allowed")), (String) answer.get("reason"), obligations);
    }

    /** Runs on the policy's thread: reads the decision (API accessors) into a map the call then copies. */
    private static Map<String, Object> decision(PolicyDecision decision) {
        if (decision == null) {
            throw new IllegalStateException("decide returned null; return PolicyDecision.allow(reason) or"
                    + " deny(reason)");
        }
        List<Object> obligations = new ArrayList<>();
        for (Object obligation : decision.obligations()) {
            if (!(obligation instanceof String)) {
                throw new IllegalStateException("decide answered an obligation that is not a String: "
                        + (obligation == null ? "null" : obligation.getClass().getName()));
            }
            obligations.add(obligation);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("allowed", decision.allowed());
        json.put("reason", decision.reason());
        json.put("obligations", obligations);
        return json;
    }

    private record Answer(boolean allowed, String reason, List<String> obligations) {
        static Answer deny(String reason) {
            return new Answer(false, reason, List.of());
        }
    }
}
