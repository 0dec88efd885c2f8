package dev.palisade.core.extension.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.palisade.core.extension.invoke.MethodSchemas;
import dev.palisade.core.extension.invoke.SchemaCompiler;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.check.DescriptorReader;
import dev.palisade.sandbox.check.ExtensionDescriptor;
import dev.palisade.sandbox.check.ExtensionJarInspector;
import dev.palisade.sandbox.check.InspectedJar;
import dev.palisade.sandbox.check.ManifestRules;
import dev.palisade.sandbox.stage.JarStager;
import dev.palisade.sandbox.stage.StagedJar;
import dev.palisade.sandbox.trust.JarSignatureVerifier;
import dev.palisade.sandbox.trust.TrustStore;
import dev.palisade.web.Json;

/**
 * Deploys and removes extensions, one at a time. Every call produces exactly one
 * {@link DeploymentRecord}, added to the {@link DeploymentLog} before it is returned; refusals and
 * failures are records, never exceptions, and leave whatever served before serving. The trust store is
 * read from its folder at every attempt, so certificates added to it count at once. Thread-safe: all
 * changes run under one lock.
 */
public final class DeploymentPipeline {

    private static final System.Logger LOG = System.getLogger(DeploymentPipeline.class.getName());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ReentrantLock lock = new ReentrantLock(true);
    private final JarStager stager;
    private final Path trustDir;
    private final Clock clock;
    private final ManifestRules manifestRules = new ManifestRules();
    private final DescriptorReader descriptorReader = new DescriptorReader();
    private final SchemaCompiler schemaCompiler = new SchemaCompiler();
    private final ExtensionInstaller installer;
    private final ExtensionRegistry registry;
    private final DeploymentLog log;
    private final UploadKeeper uploads;

    /**
     * @param stager    stages private copies into the staging folder
     * @param trustDir  the operator's trust anchors ({@code etc/trust})
     * @param clock     the clock for signer validity and record times
     * @param installer installs into the framework
     * @param registry  the serving extensions
     * @param log       where records go
     * @param uploads   keeps jars that serve from REST uploads
     */
    public DeploymentPipeline(JarStager stager, Path trustDir, Clock clock, ExtensionInstaller installer,
            ExtensionRegistry registry, DeploymentLog log, UploadKeeper uploads) {
        this.stager = stager;
        this.trustDir = trustDir;
        this.clock = clock;
        this.installer = installer;
        this.registry = registry;
        this.log = log;
        this.uploads = uploads;
    }

    /**
     * Runs a jar through the pipeline: stage, verify and check, decide, install, create the plugin,
     * switch, retire the old version. A REST upload that now serves is kept for the next start; a
     * version from any other source drops a kept upload of the same extension.
     *
     * @param jar    the jar; read, never moved or changed
     * @param source where it came from
     * @return the record of the attempt
     */
    public DeploymentRecord deploy(Path jar, DeploymentSource source) {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(source, "source");
        Path origin = jar.toAbsolutePath().normalize();
        Attempt attempt = new Attempt(source, origin.getFileName() == null ? origin.toString()
                : origin.getFileName().toString());
        lock.lock();
        try {
            StagedJar staged;
            try {
                staged = stager.stage(origin);
            } catch (DeploymentRefusedException e) {
                return finish(attempt.refused(e.getMessage()));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return finish(attempt.refused(Reasons.of(Reasons.UNREADABLE, "cannot read " + origin + ": "
                        + e.getMessage() + "; check that the file exists, is a regular file and is readable")));
            }
            try {
                attempt.sha256 = staged.sha256();
                return finish(deployStaged(attempt, staged, origin));
            } finally {
                staged.delete();
            }
        } finally {
            lock.unlock();
        }
    }

    private DeploymentRecord deployStaged(Attempt attempt, StagedJar staged, Path origin) {
        TrustStore trust;
        try {
            trust = TrustStore.load(trustDir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return attempt.refused(Reasons.of(Reasons.TRUST_STORE_UNREADABLE, "the trust store " + trustDir
                    + " cannot be read: " + e.getMessage() + "; fix or remove the file it names"));
        }
        ExtensionJarInspector inspector = new ExtensionJarInspector(new JarSignatureVerifier(trust, clock),
                manifestRules, descriptorReader);
        InspectedJar inspected;
        try {
            inspected = inspector.inspect(staged);
        } catch (DeploymentRefusedException e) {
            return attempt.refused(e.getMessage());
        }
        ExtensionDescriptor descriptor = inspected.descriptor();
        attempt.describe(descriptor);
        String label = descriptor.name() + " " + descriptor.version();

        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, new UpdatePolicy.Candidate(descriptor.id(),
                descriptor.name(), descriptor.version(), staged.sha256(), inspected.signer().subject(),
                inspected.signer().fingerprint()));
        switch (decision.kind()) {
            case REFUSED:
                return attempt.refused(Reasons.of(decision.code(), decision.detail()));
            case UNCHANGED:
                return attempt.record(DeploymentOutcome.DEPLOYED, Reasons.of(decision.code(), decision.detail()));
            default:
                break;
        }

        MethodSchemas schemas;
        try {
            schemas = MethodSchemas.compile(schemaCompiler, descriptor.methods(), descriptor.inputSchemas(),
                    descriptor.outputSchemas());
        } catch (IllegalArgumentException e) {
            return attempt.refused(Reasons.of(Reasons.INVALID_SCHEMA, label + ": " + e.getMessage()));
        }

        String location = ExtensionInstaller.LOCATION_PREFIX + descriptor.id() + "/" + descriptor.version() + "/"
                + attempt.attemptId;
        ExtensionInstaller.Installation installation;
        try {
            installation = installer.install(staged.path(), location, label, descriptor.entryPoint());
        } catch (DeploymentFailure e) {
            return attempt.failed(e.reason() + currentlyServing(decision));
        }

        if (attempt.source == DeploymentSource.REST) {
            try {
                uploads.keep(descriptor.id(), staged.path());
            } catch (IOException | RuntimeException e) {
                installer.retire(installation.bundle());
                return attempt.failed(Reasons.of(Reasons.UPLOAD_NOT_KEPT, "the upload of " + label
                        + " could not be kept under " + uploads.dir() + " for the next start: " + e
                        + "; free disk space or fix the folder's permissions, then upload again"
                        + currentlyServing(decision)));
            }
        } else {
            forgetUpload(descriptor.id());
        }

        ActiveExtension next = new ActiveExtension(descriptor.id(), descriptor.name(), descriptor.version(),
                descriptor.type(), descriptor.methods(), Json.mapper().convertValue(descriptor.json(), MAP),
                inspected.signer().subject(), inspected.signer().fingerprint(), installation.plugin(),
                installation.classLoader(), schemas, clock.instant(), attempt.source, origin, staged.sha256(),
                installation.bundle());
        Optional<ActiveExtension> previous = registry.switchTo(next);
        previous.ifPresent(old -> installer.retire(old.bundle()));
        if (previous.isPresent()) {
            return attempt.record(DeploymentOutcome.REPLACED, Reasons.of(Reasons.REPLACED, label
                    + " now serves in place of version " + previous.get().version() + " (signed by "
                    + inspected.signer().subject() + ")"));
        }
        return attempt.record(DeploymentOutcome.DEPLOYED, Reasons.of(Reasons.DEPLOYED, label
                + " now serves (signed by " + inspected.signer().subject() + ")"));
    }

    private static String currentlyServing(UpdatePolicy.Decision decision) {
        return decision.previous() == null ? ""
                : "; version " + decision.previous().version() + " keeps serving";
    }

    /**
     * Stops and removes a serving extension and drops its kept upload.
     *
     * @throws HostProblem 404 {@code extension-not-found} when nothing serves under that id or name
     */
    public DeploymentRecord undeploy(String idOrName, DeploymentSource source) {
        lock.lock();
        try {
            ActiveExtension serving = registry.find(idOrName).orElseThrow(() -> notFound(idOrName));
            return finish(remove(serving, source));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the extension that serves from this file, if one does: a file deleted from the deploy
     * folder undeploys only what it deployed.
     *
     * @return the record, or empty when the file is not what serves any extension
     */
    public Optional<DeploymentRecord> undeployOrigin(Path file, DeploymentSource source) {
        Path origin = file.toAbsolutePath().normalize();
        lock.lock();
        try {
            Optional<ActiveExtension> serving = registry.byOrigin(origin).filter(e -> e.source() == source);
            if (serving.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, origin + " was removed; no extension serves from it");
                return Optional.empty();
            }
            return Optional.of(finish(remove(serving.get(), source)));
        } finally {
            lock.unlock();
        }
    }

    private DeploymentRecord remove(ActiveExtension serving, DeploymentSource source) {
        registry.remove(serving.id());
        installer.retire(serving.bundle());
        forgetUpload(serving.id());
        Attempt attempt = new Attempt(source, serving.name());
        attempt.sha256 = serving.sha256();
        attempt.extensionId = serving.id();
        attempt.extensionName = serving.name();
        attempt.version = serving.version();
        return attempt.record(DeploymentOutcome.UNDEPLOYED, Reasons.of(Reasons.UNDEPLOYED, serving.label()
                + " was stopped and removed (requested from " + source + ")"));
    }

    /** Stops and uninstalls every extension this pipeline installed; kept uploads stay. No records. */
    public void retireAll() {
        lock.lock();
        try {
            for (ActiveExtension serving : registry.all()) {
                registry.remove(serving.id());
                installer.retire(serving.bundle());
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the 404 problem for an id or name nothing serves under */
    public static HostProblem notFound(String idOrName) {
        return new HostProblem(404, "extension-not-found", "No such extension",
                "no extension with id or name '" + idOrName + "' is deployed; list the deployed extensions with"
                        + " GET /api/v1/mplp/extensions",
                Map.of("extension", String.valueOf(idOrName)));
    }

    private void forgetUpload(String extensionId) {
        try {
            uploads.forget(extensionId);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the kept upload of extension " + extensionId + " in "
                    + uploads.dir() + " could not be deleted: " + e + "; delete it by hand");
        }
    }

    private DeploymentRecord finish(DeploymentRecord record) {
        log.add(record);
        System.Logger.Level level = record.succeeded() || record.outcome() == DeploymentOutcome.UNDEPLOYED
                ? System.Logger.Level.INFO : System.Logger.Level.WARNING;
        LOG.log(level, "deployment " + record.attemptId() + " of " + record.fileName() + " from " + record.source()
                + ": " + record.outcome() + " " + record.reason());
        return record;
    }

    /** The facts of one attempt, filled in as the pipeline learns them. */
    private final class Attempt {
        final String attemptId = UUID.randomUUID().toString();
        final DeploymentSource source;
        final String fileName;
        String sha256;
        String extensionId;
        String extensionName;
        String version;

        Attempt(DeploymentSource source, String fileName) {
            this.source = source;
            this.fileName = fileName;
        }

        void describe(ExtensionDescriptor descriptor) {
            extensionId = descriptor.id();
            extensionName = descriptor.name();
            version = descriptor.version();
        }

        DeploymentRecord refused(String reason) {
            return record(DeploymentOutcome.REFUSED, reason);
        }

        DeploymentRecord failed(String reason) {
            return record(DeploymentOutcome.FAILED, reason);
        }

        DeploymentRecord record(DeploymentOutcome outcome, String reason) {
            return new DeploymentRecord(attemptId, clock.instant(), source, fileName, sha256, outcome, extensionId,
                    extensionName, version, reason);
        }
    }
}
