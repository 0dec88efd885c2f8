package dev.palisade.core.confirm.signing;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * An approver's public key, parsed and checked ({@link PublicKeys#parse}). Immutable; thread-safe.
 */
public final class ApproverKey {

    private final KeyAlgorithm algorithm;
    private final AsymmetricKeyParameter key;
    private final String fingerprint;

    ApproverKey(KeyAlgorithm algorithm, AsymmetricKeyParameter key, String fingerprint) {
        this.algorithm = algorithm;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the SHA-256 of the key's DER SubjectPublicKeyInfo, lower-case hex */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * @return whether {@code signature} is this key's signature over the statement's bytes; a malformed
     *         signature is simply one that does not verify
     */
    public boolean verifies(DecisionStatement statement, byte[] signature) {
        return algorithm.verify(key, statement.bytes(), signature);
    }
}
