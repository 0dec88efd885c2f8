package dev.palisade.core.confirm.signing;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.ProtocolProblems;

/**
 * Reads approvers' public keys: one PEM {@code PUBLIC KEY} block (a DER SubjectPublicKeyInfo, what
 * {@code openssl pkey -pubout} and the JDK's {@code PublicKey.getEncoded()} give) of an Ed25519 key or
 * an EC key on P-256 or P-384. Stateless.
 */
public final class PublicKeys {

    /** The largest PEM text accepted. */
    public static final int MAX_PEM_CHARS = 4096;

    /** The Ed25519 algorithm identifier (RFC 8410). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private static final String SUPPORTED = "Ed25519, ECDSA P-256 (secp256r1) or ECDSA P-384 (secp384r1)";

    private PublicKeys() {
    }

    /**
     * @param pem   the key as PEM text
     * @param field the JSON Pointer of the key in the request, for messages
     * @return the parsed key
     * @throws HostProblem 400 {@code schema-violation} naming {@code field} with rule {@code pem} (not one
     *                     PEM public key block), {@code key-encoding} (the DER or the point is broken) or
     *                     {@code key-algorithm} (another algorithm or curve)
     */
    public static ApproverKey parse(String pem, String field) {
        if (pem.length() > MAX_PEM_CHARS) {
            throw refused(field, "pem", "the PEM text is longer than " + MAX_PEM_CHARS + " characters");
        }
        byte[] der = derOf(pem, field);
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw refused(field, "key-encoding", "the PUBLIC KEY block is not a DER SubjectPublicKeyInfo");
        }
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        try {
            if (ID_ED25519.equals(algorithm)) {
                return key(KeyAlgorithm.ED25519, new Ed25519PublicKeyParameters(info.getPublicKeyData().getOctets()),
                        der);
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                return ecKey(info, der, field);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw refused(field, "key-encoding", "the public key's bytes are not a valid " + algorithmName(algorithm)
                    + " key: " + e.getMessage());
        }
        throw refused(field, "key-algorithm", "keys of algorithm " + algorithmName(algorithm)
                + " are not accepted; register an " + SUPPORTED + " key");
    }

    private static ApproverKey ecKey(SubjectPublicKeyInfo info, byte[] der, String field) {
        ASN1Encodable parameters = info.getAlgorithm().getParameters();
        KeyAlgorithm algorithm;
        if (SECObjectIdentifiers.secp256r1.equals(parameters)) {
            algorithm = KeyAlgorithm.ECDSA_P256;
        } else if (SECObjectIdentifiers.secp384r1.equals(parameters)) {
            algorithm = KeyAlgorithm.ECDSA_P384;
        } else {
            throw refused(field, "key-algorithm", "EC keys on curve " + parameters
                    + " are not accepted (only named curves P-256 and P-384); register an " + SUPPORTED + " key");
        }
        ASN1ObjectIdentifier curve = (ASN1ObjectIdentifier) parameters;
        X9ECParameters x9 = SECNamedCurves.getByOID(curve);
        ECNamedDomainParameters domain = new ECNamedDomainParameters(curve, x9);
        return key(algorithm, new ECPublicKeyParameters(x9.getCurve().decodePoint(info.getPublicKeyData().getOctets()),
                domain), der);
    }

    private static byte[] derOf(String pem, String field) {
        PemObject block;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            block = reader.readPemObject();
            if (block != null && reader.readPemObject() != null) {
                throw refused(field, "pem", "the text holds more than one PEM block; send only the public key");
            }
        } catch (IOException e) {
            throw refused(field, "pem", "the PEM text is malformed: " + e.getMessage());
        }
        if (block == null) {
            throw refused(field, "pem", "no PEM block found; send the key as '-----BEGIN PUBLIC KEY-----' ... "
                    + "'-----END PUBLIC KEY-----'");
        }
        if (!"PUBLIC KEY".equals(block.getType())) {
            throw refused(field, "pem", "the PEM block is a '" + block.getType()
                    + "', not a 'PUBLIC KEY'; send the public key only, never a private key or certificate");
        }
        return block.getContent();
    }

    private static ApproverKey key(KeyAlgorithm algorithm, AsymmetricKeyParameter key, byte[] der) {
        return new ApproverKey(algorithm, key, sha256Hex(der));
    }

    private static String algorithmName(ASN1ObjectIdentifier oid) {
        if (ID_ED25519.equals(oid)) {
            return "Ed25519";
        }
        return X9ObjectIdentifiers.id_ecPublicKey.equals(oid) ? "EC" : "OID " + oid.getId();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static HostProblem refused(String field, String rule, String message) {
        return ProtocolProblems.invalid("the approver's public key is refused", field, rule, message);
    }
}
