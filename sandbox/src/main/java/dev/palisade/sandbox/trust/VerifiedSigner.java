package dev.palisade.sandbox.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

/**
 * The one signer of a verified jar, with the certificate chain the jar carried.
 *
 * @param chain the signer's certificate first, then its issuers as the jar carried them; never empty
 */
public record VerifiedSigner(List<X509Certificate> chain) {

    public VerifiedSigner {
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signer needs at least its own certificate");
        }
    }

    /** @return the signer's own certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the signer's subject in RFC 2253 form, e.g. {@code CN=Example Publisher,O=Example} */
    public String subject() {
        return certificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** @return lower-case hex SHA-256 of the signer certificate's DER encoding */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate " + certificate.getSubjectX500Principal(), e);
        }
    }
}
