package dev.palisade.core.confirm.signing;

import java.util.function.Supplier;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * The signature schemes an approver's key may use, each verified with BouncyCastle's lightweight API
 * (no JCA provider is installed). ECDSA signatures are accepted DER-encoded (what the JDK's
 * {@code SHA256withECDSA} produces) or as the fixed-size concatenation {@code r || s} (what WebCrypto
 * produces).
 */
public enum KeyAlgorithm {
    /** Ed25519 (RFC 8032) over the statement's bytes. */
    ED25519("Ed25519", 0, null),
    /** ECDSA on NIST P-256 with SHA-256. */
    ECDSA_P256("ECDSA-P256", 32, SHA256Digest::new),
    /** ECDSA on NIST P-384 with SHA-384. */
    ECDSA_P384("ECDSA-P384", 48, SHA384Digest::new);

    private final String label;
    private final int halfBytes;
    private final Supplier<Digest> digest;

    KeyAlgorithm(String label, int halfBytes, Supplier<Digest> digest) {
        this.label = label;
        this.halfBytes = halfBytes;
        this.digest = digest;
    }

    /** @return the name clients see ({@code Ed25519}, {@code ECDSA-P256}, {@code ECDSA-P384}) */
    public String label() {
        return label;
    }

    /**
     * @return the algorithm with this {@link #label()}
     * @throws IllegalArgumentException for an unknown label (a damaged row)
     */
    public static KeyAlgorithm ofLabel(String label) {
        for (KeyAlgorithm a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no key algorithm labelled '" + label + "'");
    }

    /** @return whether {@code signature} is {@code key}'s signature over {@code message} */
    boolean verify(AsymmetricKeyParameter key, byte[] message, byte[] signature) {
        if (this == ED25519) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, key);
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        }
        return verifyEcdsa(StandardDSAEncoding.INSTANCE, key, message, signature)
                || signature.length == 2 * halfBytes
                        && verifyEcdsa(PlainDSAEncoding.INSTANCE, key, message, signature);
    }

    private boolean verifyEcdsa(DSAEncoding encoding, AsymmetricKeyParameter key, byte[] message,
            byte[] signature) {
        DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(), digest.get(), encoding);
        signer.init(false, key);
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }
}
