package dev.palisade.core.confirm.signing;

import java.nio.charset.StandardCharsets;

/**
 * What an approver signs to decide a confirmation: the UTF-8 bytes of
 * {@code "mplp-confirm-v1\n" + confirmationId + "\n" + approverId + "\n" + decision + "\n" + comments},
 * with {@code comments} the empty string when there are none. Every field is covered, so a signature
 * over one decision never verifies for another confirmation, approver, decision or comment.
 *
 * @param confirmationId the confirmation's id, as in its URL
 * @param approverId     the approver's id, as registered
 * @param decision       {@code approved} or {@code rejected}
 * @param comments       the decision's comments, or {@code null} for none
 */
public record DecisionStatement(String confirmationId, String approverId, String decision, String comments) {

    /** The first line of every statement: the format's name and version. */
    public static final String FORMAT = "mplp-confirm-v1";

    /** @return the bytes the approver signs */
    public byte[] bytes() {
        return (FORMAT + "\n" + confirmationId + "\n" + approverId + "\n" + decision + "\n"
                + (comments == null ? "" : comments)).getBytes(StandardCharsets.UTF_8);
    }
}
