/**
 * The MPLP Confirm module: approval requests on a task, plan, resource or decision, settled by their
 * approvers' signed decisions, by a policy extension's auto-decision, or by expiry.
 *
 * <p>Contract. A request is validated against the MPLP Confirm schema and the module's rules, completed by
 * the host ({@code id} when missing, {@code created_at}, {@code expires_at} from
 * {@code criteria.thresholds.expires_in} seconds or 24 hours, {@code result}) and stored in one
 * transaction, or refused with nothing stored. Approvers register an Ed25519 or ECDSA P-256/P-384 public
 * key; a decision counts only when signed with it over the {@link
 * dev.palisade.core.confirm.signing.DecisionStatement}. Any rejection rejects; an approval settles the
 * request once every {@code required} approver approved (or any one approver, when none is required).
 * Settled requests never change. Listeners of the bridge's {@code ConfirmationGate} are told once, on the
 * settling thread. Private implementation package: the bundle exports nothing.
 */
package dev.palisade.core.confirm;
