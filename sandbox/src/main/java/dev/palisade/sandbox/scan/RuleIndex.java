package dev.palisade.sandbox.scan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one verb, looked up by the exact owner class before any pattern is tried: for an
 * owner some rule names literally, the candidates are those rules plus the rules with a wildcard
 * owner; for any other owner, only the wildcard rules. Candidates keep the order of the rules file,
 * so the first matching line still wins. Immutable and thread-safe.
 */
final class RuleIndex {

    private final List<MemberRule> rules;
    private final List<MemberRule> wildcardRules;
    private final Map<String, List<MemberRule>> byOwner = new HashMap<>();

    RuleIndex(List<MemberRule> rules) {
        this.rules = List.copyOf(rules);
        this.wildcardRules = this.rules.stream().filter(MemberRule::hasWildcardOwner).toList();
        Set<String> owners = new HashSet<>();
        for (MemberRule rule : this.rules) {
            owners.addAll(rule.exactOwners());
        }
        for (String owner : owners) {
            byOwner.put(owner, this.rules.stream()
                    .filter(rule -> rule.exactOwners().contains(owner) || rule.hasWildcardOwner()).toList());
        }
    }

    /** @return the rules that may apply to members of {@code owner}, in file order */
    List<MemberRule> candidates(String owner) {
        return byOwner.getOrDefault(owner, wildcardRules);
    }

    /** @return every rule, in file order */
    List<MemberRule> all() {
        return rules;
    }
}
