package dev.palisade.core.confirm.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * An approver's key pair for tests, made with the JDK alone, that signs confirm decisions the way an
 * approver's client does: over the UTF-8 bytes of {@code "mplp-confirm-v1\n<confirmation id>\n<approver
 * id>\n<decision>\n<comments or empty>"}, base64-encoded. This is an independent copy of the documented
 * format, so a change to the host's format breaks the tests that use it. Thread-safe.
 */
public final class DecisionSigner {

    private final KeyPair pair;
    private final String signatureAlgorithm;

    private DecisionSigner(KeyPair pair, String signatureAlgorithm) {
        this.pair = pair;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** @return a signer with a new Ed25519 key */
    public static DecisionSigner ed25519() {
        try {
            return new DecisionSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make Ed25519 keys", e);
        }
    }

    /** @return a signer with a new ECDSA key on P-256 (SHA-256, DER signatures) */
    public static DecisionSigner p256() {
        return ec("secp256r1", "SHA256withECDSA");
    }

    /** @return a signer with a new ECDSA key on P-384 (SHA-384, DER signatures) */
    public static DecisionSigner p384() {
        return ec("secp384r1", "SHA384withECDSA");
    }

    /** @return a signer with a new ECDSA key on P-256 whose signatures are {@code r || s} (as WebCrypto) */
    public static DecisionSigner p256Plain() {
        return ec("secp256r1", "SHA256withECDSAinP1363Format");
    }

    private static DecisionSigner ec(String curve, String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return new DecisionSigner(generator.generateKeyPair(), algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make EC keys on " + curve, e);
        }
    }

    /** @return the public key as one PEM {@code PUBLIC KEY} block, what approvers register */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** @return the UTF-8 bytes an approver signs for this decision */
    public static byte[] statement(String confirmationId, String approverId, String decision, String comments) {
        return ("mplp-confirm-v1\n" + confirmationId + "\n" + approverId + "\n" + decision + "\n"
                + (comments == null ? "" : comments)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param comments the decision's comments, or {@code null} for none
     * @return the base64 signature to send as the decision's {@code signature}
     */
    public String sign(String confirmationId, String approverId, String decision, String comments) {
        return Base64.getEncoder().encodeToString(signBytes(statement(confirmationId, approverId, decision,
                comments)));
    }

    /** @return this key's raw signature over any bytes */
    public byte[] signBytes(byte[] message) {
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm);
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + signatureAlgorithm + " failed", e);
        }
    }
}
