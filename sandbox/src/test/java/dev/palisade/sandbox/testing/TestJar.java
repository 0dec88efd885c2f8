package dev.palisade.sandbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

/**
 * Builds extension bundle jars in code, unsigned or signed. Not thread-safe; each builder makes
 * any number of jars.
 */
public final class TestJar {

    /** The signer name {@link #signedTo} uses: its files are META-INF/SIGNER.SF and .EC. */
    public static final String SIGNER_NAME = "SIGNER";

    private final Manifest manifest = new Manifest();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private TestJar() {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    }

    /**
     * @return a bundle with Bundle-ManifestVersion 2, the given symbolic name and version, and
     *         {@code Import-Package: dev.palisade.api.extension}; no descriptor, no classes
     */
    public static TestJar plugin(String symbolicName, String version) {
        return new TestJar()
                .header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", version)
                .header("Import-Package", "dev.palisade.api.extension");
    }

    /** Adds or replaces a main manifest header; {@code null} removes it. */
    public TestJar header(String name, String value) {
        Attributes.Name key = new Attributes.Name(name);
        if (value == null) {
            manifest.getMainAttributes().remove(key);
        } else {
            manifest.getMainAttributes().put(key, value);
        }
        return this;
    }

    /** Sets {@code META-INF/palisade/extension.json}. */
    public TestJar descriptor(String json) {
        return entry("META-INF/palisade/extension.json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies the class file of {@code type}, and of its nested and anonymous classes, from its class path. */
    public TestJar addClass(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        entry(path, classBytes(type, path));
        String nestedPrefix = type.getName().replace('.', '/') + "$";
        for (Map.Entry<String, byte[]> nested : nestedClasses(type, nestedPrefix).entrySet()) {
            entry(nested.getKey(), nested.getValue());
        }
        return this;
    }

    /** Adds or replaces an entry. */
    public TestJar entry(String name, byte[] content) {
        entries.put(name, content.clone());
        return this;
    }

    /** Writes the jar unsigned (manifest first, then entries in the order added) and returns {@code file}. */
    public Path writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test jar " + file, e);
        }
        return file;
    }

    /** Writes the jar signed by {@code publisher} with the JDK's default digest algorithm. */
    public Path signedTo(Path file, TestPublisher publisher) {
        return signedTo(file, publisher, null);
    }

    /**
     * Writes the jar signed by {@code publisher} with {@link JarSigner}.
     *
     * @param digestAlgorithm e.g. "SHA-384"; {@code null} for the JDK's default
     */
    public Path signedTo(Path file, TestPublisher publisher, String digestAlgorithm) {
        Path unsigned = file.resolveSibling(file.getFileName() + ".unsigned");
        writeTo(unsigned);
        try {
            sign(unsigned, file, publisher, digestAlgorithm, SIGNER_NAME);
        } finally {
            try {
                Files.deleteIfExists(unsigned);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** Signs {@code jar} into {@code out} with {@code publisher}; used for re-signing too. */
    static void sign(Path jar, Path out, TestPublisher publisher, String digestAlgorithm, String signerName) {
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream target = Files.newOutputStream(out)) {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(publisher.chain());
            JarSigner.Builder builder = new JarSigner.Builder(publisher.privateKey(), path).signerName(signerName);
            if (digestAlgorithm != null) {
                builder.digestAlgorithm(digestAlgorithm);
            }
            builder.build().sign(zip, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign " + jar, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign " + jar + ": " + e.getMessage(), e);
        }
    }

    private static byte[] classBytes(Class<?> type, String path) {
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file " + path + " on the class path of " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Map<String, byte[]> nestedClasses(Class<?> type, String prefix) {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return nested;
        }
        try {
            Path root = Path.of(location.toURI());
            if (Files.isDirectory(root)) {
                Path folder = root.resolve(prefix).getParent();
                String simplePrefix = prefix.substring(prefix.lastIndexOf('/') + 1);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, simplePrefix + "*.class")) {
                    for (Path file : files) {
                        nested.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                nested.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list nested classes of " + type, e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return nested;
        }
        return nested;
    }
}
