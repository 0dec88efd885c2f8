package dev.palisade.host.bridge;

import java.util.List;

/**
 * What the policy extensions answered one question.
 *
 * @param decision    {@code allow}, {@code deny}, or {@code none} when no policy answers the question
 * @param policy      the name of the deciding policy extension, or {@code null} for {@code none}
 * @param reason      the policy's reason, or {@code null}
 * @param obligations what the policy requires of the caller if it goes on (may be empty)
 */
public record PolicyVerdict(String decision, String policy, String reason, List<String> obligations) {

    /** @return whether a policy allowed */
    public boolean allowed() {
        return "allow".equals(decision);
    }

    /** @return whether a policy denied */
    public boolean denied() {
        return "deny".equals(decision);
    }
}
