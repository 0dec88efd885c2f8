/**
 * Approvers' keys and the signatures on their decisions, verified with BouncyCastle's lightweight API
 * (embedded privately; no JCA provider is installed). A key is one PEM {@code PUBLIC KEY} block, Ed25519 or
 * ECDSA on P-256 or P-384; a decision is signed over {@link dev.palisade.core.confirm.signing.DecisionStatement}.
 * A malformed signature is one that does not verify. Stateless and immutable: thread-safe.
 */
package dev.palisade.core.confirm.signing;
