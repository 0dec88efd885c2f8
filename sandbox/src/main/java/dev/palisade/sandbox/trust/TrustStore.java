package dev.palisade.sandbox.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The operator's trust anchors: the certificates of the CAs (or publishers) whose signatures
 * extensions may carry. Immutable and thread-safe once loaded.
 */
public final class TrustStore {

    private final Path location;
    private final List<X509Certificate> anchors;

    private TrustStore(Path location, List<X509Certificate> anchors) {
        this.location = location;
        this.anchors = List.copyOf(anchors);
    }

    /**
     * Loads every {@code *.pem}, {@code *.crt} and {@code *.cer} file in {@code dir} (not its
     * subfolders): PEM text with one or more certificates, or one DER certificate. Files are read
     * in name order.
     *
     * @param dir the trust folder, normally {@code etc/trust/}; a missing folder gives an empty store
     * @return the loaded store
     * @throws IllegalArgumentException naming the file, if a certificate file cannot be read or
     *                                  holds no certificate
     */
    public static TrustStore load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            return new TrustStore(dir, List.of());
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, TrustStore::isCertificateFile)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list trust folder " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : files) {
            anchors.addAll(readCertificates(file));
        }
        return new TrustStore(dir, anchors);
    }

    /** @return the trust anchors, in file-name order; unmodifiable */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** @return true if no certificate was loaded */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    /** @return the folder this store was loaded from, for messages */
    Path location() {
        return location;
    }

    private static boolean isCertificateFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"));
    }

    private static List<X509Certificate> readCertificates(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trust anchor file " + file + ": " + e.getMessage(), e);
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = new ByteArrayInputStream(content)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException("trust anchor file " + file + " is not a PEM or DER X.509 "
                    + "certificate (" + e.getMessage() + "); replace it with the CA's certificate or remove it", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("trust anchor file " + file + " holds no certificate; put the "
                    + "CA's certificate (PEM or DER) in it or remove it");
        }
        List<X509Certificate> result = new ArrayList<>();
        for (Certificate certificate : certificates) {
            result.add((X509Certificate) certificate);
        }
        return result;
    }
}
