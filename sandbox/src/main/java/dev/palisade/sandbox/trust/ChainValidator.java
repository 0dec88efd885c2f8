package dev.palisade.sandbox.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PKIX validation of a certificate chain against fixed trust anchors, revocation off. Thread-safe. */
final class ChainValidator {

    private final Set<X509Certificate> anchorCertificates;
    private final Set<TrustAnchor> anchors = new HashSet<>();

    ChainValidator(List<X509Certificate> anchorCertificates) {
        this.anchorCertificates = Set.copyOf(anchorCertificates);
        for (X509Certificate anchor : anchorCertificates) {
            anchors.add(new TrustAnchor(anchor, null));
        }
    }

    /**
     * @param chain leaf first, then issuers; issuers equal to a trust anchor are dropped before
     *              validation, as PKIX expects paths without their anchor
     * @param at    the time every certificate must be valid at
     * @return why the chain does not validate, or empty if it does
     */
    Optional<Failure> validate(List<X509Certificate> chain, Date at) {
        if (anchors.isEmpty()) {
            return Optional.of(new Failure("no trust anchors", false, Optional.empty()));
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        if (anchorCertificates.contains(path.get(0))) {
            return validity(path.get(0), at);
        }
        while (path.size() > 1 && anchorCertificates.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            boolean time = e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
            Optional<X509Certificate> culprit = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? Optional.of(path.get(e.getIndex())) : Optional.empty();
            return Optional.of(new Failure(e.getMessage(), time, culprit));
        } catch (GeneralSecurityException e) {
            return Optional.of(new Failure(e.getMessage(), false, Optional.empty()));
        }
    }

    private static Optional<Failure> validity(X509Certificate certificate, Date at) {
        try {
            certificate.checkValidity(at);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of(new Failure(e.getMessage(), true, Optional.of(certificate)));
        }
    }

    /**
     * @param message     the validator's explanation
     * @param timeProblem true if a certificate was expired or not yet valid at the check time
     * @param certificate the certificate that failed, when known
     */
    record Failure(String message, boolean timeProblem, Optional<X509Certificate> certificate) {
        boolean isTimeProblem() {
            return timeProblem;
        }
    }
}
