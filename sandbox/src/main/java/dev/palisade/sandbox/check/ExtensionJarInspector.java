package dev.palisade.sandbox.check;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.stage.StagedJar;
import dev.palisade.sandbox.trust.JarSignatureVerifier;
import dev.palisade.sandbox.trust.VerifiedSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Runs the install-time checks on a staged jar in order: signature and trust, manifest rules,
 * descriptor, then the descriptor version against Bundle-Version. The first failing check refuses
 * the jar; the staged copy is left for the caller to delete. Thread-safe.
 */
public final class ExtensionJarInspector {

    private final JarSignatureVerifier verifier;
    private final ManifestRules rules;
    private final DescriptorReader reader;

    public ExtensionJarInspector(JarSignatureVerifier verifier, ManifestRules rules, DescriptorReader reader) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * @param staged a jar staged by {@code JarStager}
     * @return the facts the host needs to install it
     * @throws DeploymentRefusedException from the first failing check, or VERSION_MISMATCH
     * @throws UncheckedIOException       if the staged file cannot be read
     */
    public InspectedJar inspect(StagedJar staged) {
        Objects.requireNonNull(staged, "staged");
        VerifiedSigner signer = verifier.verify(staged.path());
        try (JarFile jar = new JarFile(staged.path().toFile(), false)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new DeploymentRefusedException(RefusalReason.NOT_A_BUNDLE, "the jar has no "
                        + JarFile.MANIFEST_NAME + "; build it with bnd (bnd-maven-plugin) so it has an OSGi manifest");
            }
            rules.check(manifest);
            ExtensionDescriptor descriptor = reader.read(jar);
            Attributes main = manifest.getMainAttributes();
            String bundleVersion = main.getValue("Bundle-Version").trim();
            if (!Arrays.equals(releaseParts(descriptor.version()), releaseParts(bundleVersion))) {
                throw new DeploymentRefusedException(RefusalReason.VERSION_MISMATCH, "the descriptor's version \""
                        + descriptor.version() + "\" differs from the manifest's Bundle-Version \"" + bundleVersion
                        + "\"; set both to the same major.minor.micro version and rebuild the jar");
            }
            String symbolicName = OsgiHeader.firstPath(main.getValue("Bundle-SymbolicName"));
            return new InspectedJar(staged, signer, descriptor, symbolicName, bundleVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged jar " + staged.path() + " (" + staged.originalName()
                    + "): " + e.getMessage(), e);
        }
    }

    /** @return major, minor, micro without leading zeros; missing parts are "0", a qualifier is ignored */
    static String[] releaseParts(String version) {
        String[] parts = version.trim().split("\\.");
        String[] release = {"0", "0", "0"};
        for (int i = 0; i < 3 && i < parts.length; i++) {
            String digits = parts[i].replaceFirst("^0+(?=.)", "");
            release[i] = digits;
        }
        return release;
    }
}
