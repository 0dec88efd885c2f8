package dev.palisade.sandbox.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Keys and certificates for tests: a CA, publishers it issued, or a key loaded from a PKCS12 file.
 * Keys are EC P-256; certificates are made with BouncyCastle and returned as JDK objects.
 * Immutable.
 */
public final class TestPublisher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private TestPublisher(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * @return a self-signed CA named {@code CN=commonName}, valid from a day ago for ten years; its
     *         key usage allows certificate signing only, so the JDK ignores jar signatures made with it
     */
    public static TestPublisher selfSignedCa(String commonName) {
        Instant now = Instant.now();
        return selfSignedCa(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }

    /** @return a self-signed CA valid from {@code notBefore} to {@code notAfter} */
    public static TestPublisher selfSignedCa(String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X509Certificate certificate = certificate(new X500Name("CN=" + commonName), keys, new X500Name("CN=" + commonName),
                keys.getPrivate(), true, notBefore, notAfter);
        return new TestPublisher(keys.getPrivate(), List.of(certificate));
    }

    /**
     * @return a self-signed code-signing key named {@code CN=commonName} (what {@code keytool
     *         -genkeypair} makes), valid from a day ago for a year; not a CA
     */
    public static TestPublisher selfSigned(String commonName) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
        X509Certificate certificate = certificate(name, keys, name, keys.getPrivate(), false,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        return new TestPublisher(keys.getPrivate(), List.of(certificate));
    }

    /**
     * @return a code-signing publisher named {@code CN=commonName} issued by {@code ca}, valid from a
     *         day ago for a year; chain = [leaf, ca chain...]
     */
    public static TestPublisher issuedBy(TestPublisher ca, String commonName) {
        Instant now = Instant.now();
        return issuedBy(ca, commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** @return a publisher issued by {@code ca}, valid from {@code notBefore} to {@code notAfter} */
    public static TestPublisher issuedBy(TestPublisher ca, String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate leaf = certificate(new X500Name("CN=" + commonName), keys, issuer, ca.privateKey(), false,
                notBefore, notAfter);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(ca.chain());
        return new TestPublisher(keys.getPrivate(), chain);
    }

    /** @return the key and chain stored under {@code alias} in a PKCS12 file (key password = store password) */
    public static TestPublisher load(Path pkcs12, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException(pkcs12 + " has no key entry named " + alias);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return new TestPublisher((PrivateKey) store.getKey(alias, password), chain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pkcs12, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load key " + alias + " from " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return this publisher's certificate first, then its issuers */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Writes this publisher's own certificate as PEM, e.g. into a trust folder. */
    public void writeCertificatePem(Path file) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate().getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make EC P-256 keys", e);
        }
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
                                               PrivateKey issuerKey, boolean ca, Instant notBefore, Instant notAfter) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
        }
    }
}
