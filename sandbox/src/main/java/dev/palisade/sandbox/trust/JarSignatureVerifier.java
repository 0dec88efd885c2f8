package dev.palisade.sandbox.trust;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.Timestamp;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Second sandbox layer: checks that every entry of a staged jar is signed, unchanged since
 * signing, by exactly one signer whose certificate chains to the operator's trust anchors.
 *
 * <p>Entry digests are checked by the JDK ({@code JarFile} with verification on, every entry read
 * in full), whatever digest algorithm the signer used; the algorithm is taken from each
 * {@code *-Digest} attribute name. Trust is checked with PKIX against {@link TrustStore} anchors,
 * revocation off. A signature timestamp sets the validity check time only when the timestamp
 * authority itself chains to a trust anchor; otherwise the clock's time is used. Thread-safe.
 */
public final class JarSignatureVerifier {

    private static final String RESIGN = "re-sign the jar after the last change";

    private final TrustStore trust;
    private final Clock clock;
    private final ChainValidator chains;

    /**
     * @param trust the operator's trust anchors
     * @param clock the time certificates must be valid at when a signature has no trusted timestamp
     */
    public JarSignatureVerifier(TrustStore trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chains = new ChainValidator(trust.anchors());
    }

    /**
     * @param jar a staged jar (see {@code JarStager}); only read
     * @return the single trusted signer of every entry
     * @throws DeploymentRefusedException with UNSIGNED, TAMPERED, UNSIGNED_ENTRY, MULTIPLE_SIGNERS,
     *                                    UNTRUSTED_SIGNER or SIGNER_NOT_VALID
     * @throws UncheckedIOException       if the file cannot be read
     */
    public VerifiedSigner verify(Path jar) {
        Objects.requireNonNull(jar, "jar");
        CodeSigner signer = readSigner(jar);
        List<X509Certificate> chain = certificates(signer);
        VerifiedSigner verified = new VerifiedSigner(chain);
        checkTrust(signer, verified);
        return verified;
    }

    private CodeSigner readSigner(Path jar) {
        Set<CodeSigner> signers = new LinkedHashSet<>();
        List<String> unsigned = new ArrayList<>();
        Set<String> files = new TreeSet<>();
        List<String> signatureFiles = new ArrayList<>();
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            manifest = manifestOf(file);
            byte[] buffer = new byte[64 * 1024];
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                files.add(entry.getName());
                readFully(file, entry, buffer);
                if (isSignatureFile(entry.getName())) {
                    if (entry.getName().toUpperCase(Locale.ROOT).endsWith(".SF")) {
                        signatureFiles.add(entry.getName());
                    }
                    continue;
                }
                CodeSigner[] entrySigners = entry.getCodeSigners();
                if (entrySigners == null || entrySigners.length == 0) {
                    unsigned.add(entry.getName());
                } else {
                    Collections.addAll(signers, entrySigners);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jar " + jar + " to verify its signature: " + e.getMessage(), e);
        }
        if (signers.isEmpty() && !signatureFiles.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.UNSIGNED, "the jar carries signature files ("
                    + String.join(", ", signatureFiles) + ") but no valid signer: the signer's certificate does not "
                    + "allow code signing (its key usage lacks digitalSignature or its extended key usage lacks "
                    + "codeSigning) or the signature block does not match; sign the jar with jarsigner using a "
                    + "code-signing key whose certificate chains to one in etc/trust/");
        }
        if (signers.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.UNSIGNED, "the jar is not signed; sign it with "
                    + "jarsigner using a key whose certificate chains to one in etc/trust/");
        }
        checkSignedEntriesPresent(manifest, files);
        if (!unsigned.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.UNSIGNED_ENTRY, "entry \"" + unsigned.get(0)
                    + "\" is not covered by the signature" + others(unsigned) + "; it was added after the jar "
                    + "was signed: " + RESIGN);
        }
        if (signers.size() > 1) {
            List<String> subjects = new ArrayList<>();
            for (CodeSigner each : signers) {
                subjects.add(new VerifiedSigner(certificates(each)).subject());
            }
            throw new DeploymentRefusedException(RefusalReason.MULTIPLE_SIGNERS, "the jar's entries are signed "
                    + "by more than one signer (" + String.join("; ", subjects) + "); sign the jar with exactly "
                    + "one publisher key");
        }
        return signers.iterator().next();
    }

    private static Manifest manifestOf(JarFile file) throws IOException {
        try {
            Manifest manifest = file.getManifest();
            return manifest == null ? new Manifest() : manifest;
        } catch (SecurityException e) {
            throw new DeploymentRefusedException(RefusalReason.TAMPERED, "the manifest no longer matches the "
                    + "signature (" + e.getMessage() + "); " + RESIGN);
        }
    }

    private static void readFully(JarFile file, JarEntry entry, byte[] buffer) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            while (in.read(buffer) >= 0) {
                // reading to the end makes the JDK compare the entry's digest with the signed one
            }
        } catch (SecurityException e) {
            throw new DeploymentRefusedException(RefusalReason.TAMPERED, "entry \"" + entry.getName()
                    + "\" does not match the digest its signature covers (" + e.getMessage() + "); the jar was "
                    + "changed after it was signed: " + RESIGN);
        }
    }

    /** A signed manifest section whose file is gone means an entry was removed after signing. */
    private static void checkSignedEntriesPresent(Manifest manifest, Set<String> files) {
        for (Map.Entry<String, Attributes> section : manifest.getEntries().entrySet()) {
            if (hasDigest(section.getValue()) && !files.contains(section.getKey())) {
                throw new DeploymentRefusedException(RefusalReason.TAMPERED, "the signature covers entry \""
                        + section.getKey() + "\" but the jar has no such entry; it was removed after the jar "
                        + "was signed: " + RESIGN);
            }
        }
    }

    private static boolean hasDigest(Attributes attributes) {
        for (Object name : attributes.keySet()) {
            if (name.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST")) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's notion of signature-related files: directly in META-INF, not subfolders. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/")) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        if (file.indexOf('/') >= 0) {
            return false;
        }
        return file.equals("MANIFEST.MF") || file.startsWith("SIG-") || file.endsWith(".SF")
                || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC");
    }

    private void checkTrust(CodeSigner signer, VerifiedSigner verified) {
        String who = "signer " + verified.subject() + " (SHA-256 fingerprint " + verified.fingerprint() + ")";
        if (trust.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.UNTRUSTED_SIGNER, "etc/trust/ ("
                    + trust.location() + ") holds no certificate, so no signer is trusted and " + who
                    + " cannot be either; add the certificate of the CA that issues your publishers' keys "
                    + "to etc/trust/");
        }
        CheckTime at = checkTime(signer);
        Optional<ChainValidator.Failure> failure = chains.validate(verified.chain(), at.time());
        if (failure.isEmpty()) {
            return;
        }
        ChainValidator.Failure problem = failure.get();
        if (problem.isTimeProblem()) {
            X509Certificate bad = problem.certificate().orElse(verified.certificate());
            String which = bad.equals(verified.certificate()) ? "the certificate of " + who
                    : "certificate " + new VerifiedSigner(List.of(bad)).subject() + " in the chain of " + who;
            throw new DeploymentRefusedException(RefusalReason.SIGNER_NOT_VALID, which + " is valid from "
                    + bad.getNotBefore().toInstant() + " to " + bad.getNotAfter().toInstant() + ", not at "
                    + at.description() + "; re-sign the jar with a currently valid certificate");
        }
        throw new DeploymentRefusedException(RefusalReason.UNTRUSTED_SIGNER, who + " does not chain to a "
                + "certificate in etc/trust/ (" + problem.message() + "); if you trust this publisher, add the "
                + "certificate of the CA that issued it to etc/trust/, otherwise do not deploy this jar");
    }

    private CheckTime checkTime(CodeSigner signer) {
        Timestamp timestamp = signer.getTimestamp();
        if (timestamp != null) {
            List<X509Certificate> authority = new ArrayList<>();
            timestamp.getSignerCertPath().getCertificates().forEach(c -> authority.add((X509Certificate) c));
            Date signedAt = timestamp.getTimestamp();
            if (!authority.isEmpty() && chains.validate(authority, signedAt).isEmpty()) {
                return new CheckTime(signedAt, "the signing time " + signedAt.toInstant() + " from its timestamp");
            }
        }
        Instant now = clock.instant();
        return new CheckTime(Date.from(now), "the check time " + now);
    }

    private static List<X509Certificate> certificates(CodeSigner signer) {
        List<X509Certificate> chain = new ArrayList<>();
        signer.getSignerCertPath().getCertificates().forEach(c -> chain.add((X509Certificate) c));
        return chain;
    }

    private static String others(List<String> names) {
        return names.size() == 1 ? "" : " (nor are " + (names.size() - 1) + " more entries)";
    }

    private record CheckTime(Date time, String description) {
    }
}
