package dev.palisade.core.extension.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.extension.enforce.EnforcementTable;
import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.core.extension.grant.GrantPolicy;
import dev.palisade.core.extension.grant.GrantPolicyFile;
import dev.palisade.core.extension.grant.InvalidGrantPolicyException;
import dev.palisade.core.extension.grant.PermissionJson;
import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.core.extension.invoke.MethodSchemas;
import dev.palisade.core.extension.isolate.Isolation;
import dev.palisade.core.extension.isolate.StrictIsolation;
import dev.palisade.core.extension.invoke.SchemaCompiler;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.run.ExtensionRuntime;
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
import dev.palisade.sandbox.check.PermissionRequests;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.scan.BytecodeScanner;
import dev.palisade.sandbox.scan.ScanReport;
import dev.palisade.sandbox.stage.JarStager;
import dev.palisade.sandbox.stage.StagedJar;
import dev.palisade.sandbox.trust.JarSignatureVerifier;
import dev.palisade.sandbox.trust.TrustStore;
import dev.palisade.web.Json;

/**
 * Deploys and removes extensions, and starts the ones an operator approves, one at a time. Every deployment
 * produces exactly one {@link DeploymentRecord}, handed to the {@link DeploymentRecords} and written as one
 * audit entry ({@link DeploymentAudit}) before it is returned; refusals and failures are records, never
 * exceptions, and leave whatever served before serving. The trust
 * store and the grant policy are read from their files at every attempt, so changes count at once. After
 * the checks, the bytecode scan refuses forbidden calls and its report is kept; then the requested
 * permissions are decided: all granted (by the policy or earlier approvals) and the version is started and
 * switched in, or some pending and it is installed, not started, and takes the extension's place until an
 * operator {@linkplain #grant approves}. Thread-safe: all changes run under one lock.
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
    private final DeploymentRecords log;
    private final UploadKeeper uploads;
    private final Safeguards safeguards;
    private final DeploymentAudit audit;
    private final BytecodeScanner scanner = new BytecodeScanner();
    private final StrictIsolation strict;

    /**
     * @param stager    stages private copies into the staging folder
     * @param trustDir  the operator's trust anchors ({@code etc/trust})
     * @param clock     the clock for signer validity and record times
     * @param installer installs into the framework
     * @param registry  the serving extensions
     * @param log       where records go
     * @param uploads   keeps jars that serve from REST uploads
     * @param safeguards grants, run-time limits and audit
     */
    public DeploymentPipeline(JarStager stager, Path trustDir, Clock clock, ExtensionInstaller installer,
            ExtensionRegistry registry, DeploymentRecords log, UploadKeeper uploads, Safeguards safeguards) {
        this.stager = stager;
        this.trustDir = trustDir;
        this.clock = clock;
        this.installer = installer;
        this.registry = registry;
        this.log = log;
        this.uploads = uploads;
        this.safeguards = safeguards;
        this.audit = new DeploymentAudit(safeguards.audit());
        this.strict = new StrictIsolation(safeguards.limits().threads());
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
        DeploymentAttempt attempt = new DeploymentAttempt(clock, source, origin.getFileName() == null
                ? origin.toString() : origin.getFileName().toString());
        lock.lock();
        try {
            StagedJar staged;
            try {
                staged = stager.stage(origin);
            } catch (DeploymentRefusedException e) {
                return finish(attempt, attempt.refused(DeploymentStep.STAGE, e.getMessage()));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return finish(attempt, attempt.refused(DeploymentStep.STAGE, Reasons.of(Reasons.UNREADABLE,
                        "cannot read " + origin + ": " + e.getMessage()
                                + "; check that the file exists, is a regular file and is readable")));
            }
            try {
                attempt.staged(staged.sha256());
                return finish(attempt, deployStaged(attempt, staged, origin));
            } finally {
                staged.delete();
            }
        } finally {
            lock.unlock();
        }
    }

    private DeploymentRecord deployStaged(DeploymentAttempt attempt, StagedJar staged, Path origin) {
        TrustStore trust;
        try {
            trust = TrustStore.load(trustDir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return attempt.refused(DeploymentStep.TRUST, Reasons.of(Reasons.TRUST_STORE_UNREADABLE, "the trust store " + trustDir
                    + " cannot be read: " + e.getMessage() + "; fix or remove the file it names"));
        }
        ExtensionJarInspector inspector = new ExtensionJarInspector(new JarSignatureVerifier(trust, clock),
                manifestRules, descriptorReader);
        InspectedJar inspected;
        try {
            inspected = inspector.inspect(staged);
        } catch (DeploymentRefusedException e) {
            return attempt.refused(DeploymentStep.ofInspection(e.reason()), e.getMessage());
        }
        attempt.signedBy(inspected.signer().subject(), inspected.signer().fingerprint());
        attempt.pass(DeploymentStep.TRUST);
        ExtensionDescriptor descriptor = inspected.descriptor();
        attempt.describe(descriptor);
        String label = descriptor.name() + " " + descriptor.version();
        ExtensionKind kind = ExtensionKind.of(descriptor.type()).orElseThrow(() -> new IllegalStateException(
                "the descriptor check let type '" + descriptor.type() + "' through, which the host does not run"));
        MethodSchemas schemas;
        try {
            schemas = MethodSchemas.compile(schemaCompiler, descriptor.methods(), descriptor.inputSchemas(),
                    descriptor.outputSchemas());
        } catch (IllegalArgumentException e) {
            return attempt.refused(DeploymentStep.CHECK, Reasons.of(Reasons.INVALID_SCHEMA, label + ": " + e.getMessage()));
        }
        Duration timeout;
        Isolation isolation;
        try {
            isolation = Isolation.of(descriptor.json(), kind == ExtensionKind.PLUGIN);
            timeout = kind == ExtensionKind.HOOK
                    ? safeguards.limits().hookBudgetFor(configuredMillis(descriptor.json(), "hook_budget_ms"))
                    : safeguards.limits().timeoutFor(configuredMillis(descriptor.json(), "timeout_ms"));
        } catch (IllegalArgumentException e) {
            return attempt.refused(DeploymentStep.CHECK, Reasons.of(Reasons.INVALID_CONFIGURATION, label + ": " + e.getMessage()));
        }
        attempt.pass(DeploymentStep.CHECK);

        ScanReport report;
        try (JarFile jar = new JarFile(staged.path().toFile(), false)) {
            report = scanner.scan(jar);
            report.requireNoForbiddenCalls();
        } catch (DeploymentRefusedException e) {
            return attempt.refused(DeploymentStep.SCAN, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return attempt.refused(DeploymentStep.SCAN, Reasons.of(Reasons.UNREADABLE, "the classes of " + label
                    + " cannot be scanned: " + e.getMessage() + "; rebuild the jar"));
        }
        attempt.pass(DeploymentStep.SCAN);

        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, new UpdatePolicy.Candidate(descriptor.id(),
                descriptor.name(), descriptor.version(), staged.sha256(), inspected.signer().subject(),
                inspected.signer().fingerprint()));
        switch (decision.kind()) {
            case REFUSED:
                return attempt.refused(DeploymentStep.UPDATE, Reasons.of(decision.code(), decision.detail()));
            case UNCHANGED:
                return attempt.record(DeploymentOutcome.DEPLOYED, Reasons.of(decision.code(), decision.detail()));
            default:
                break;
        }
        attempt.pass(DeploymentStep.UPDATE);

        ExtensionPermissions permissions;
        try {
            permissions = decidePermissions(descriptor, inspected.signer().fingerprint(), inspected.signer().subject());
        } catch (DeploymentRefusedException e) {
            return attempt.refused(DeploymentStep.GRANT, e.getMessage());
        } catch (InvalidGrantPolicyException e) {
            return attempt.refused(DeploymentStep.GRANT, Reasons.of(Reasons.GRANT_POLICY_INVALID, e.getMessage()));
        } catch (HostProblem e) {
            return attempt.refused(DeploymentStep.GRANT, Reasons.of(Reasons.GRANT_STORE_UNREADABLE, "the approvals of " + label
                    + " cannot be read from the store: " + e.getMessage() + "; deploy again once the store is back"
                    + currentlyServing(decision)));
        }
        attempt.pass(DeploymentStep.GRANT);
        Path dataFolder;
        try {
            Files.createDirectories(safeguards.capabilities().dataFolder(descriptor.id()));
            dataFolder = safeguards.capabilities().dataFolder(descriptor.id());
        } catch (IOException | RuntimeException e) {
            return attempt.failed(DeploymentStep.INSTALL, Reasons.of(Reasons.DATA_FOLDER, "the data folder of " + label + " cannot be created: "
                    + e + "; fix the data folder's permissions" + currentlyServing(decision)));
        }
        if (isolation.strict()) {
            try {
                strict.keep(staged.path(), dataFolder, descriptor.version(), staged.sha256());
            } catch (IOException e) {
                return attempt.failed(DeploymentStep.INSTALL, Reasons.of(Reasons.DATA_FOLDER, "the child JVM's copy of strict extension "
                        + label + " cannot be kept beside its data folder: " + e + "; fix the data folder's"
                        + " permissions" + currentlyServing(decision)));
            }
        }
        ExtensionRuntime runtime = new ExtensionRuntime(descriptor.id(), descriptor.name(), descriptor.version(),
                timeout, safeguards.limits(), safeguards.audit(), clock);
        boolean pending = !permissions.pending().isEmpty();

        String location = ExtensionInstaller.LOCATION_PREFIX + descriptor.id() + "/" + descriptor.version() + "/"
                + attempt.attemptId();
        EnforcementTable table = safeguards.table();
        Optional<EnforcementTable.Entry> enforcedBefore = table.entry(descriptor.id());
        Bundle bundle;
        ExtensionInstaller.Installation installation = null;
        try {
            if (pending) {
                bundle = installer.installOnly(staged.path(), location, label);
            } else {
                Grants grants = Grants.of(dataFolder, permissions.granted());
                table.enforce(descriptor.id(), grants, runtime);
                installation = isolation.strict()
                        ? installer.startIsolated(installer.installOnly(staged.path(), location, label), label,
                                descriptor.entryPoint(), runtime, strict.creation(descriptor.id(), descriptor.name(),
                                        descriptor.version(), descriptor.entryPoint(), isolation, grants,
                                        StrictIsolation.jarOf(dataFolder, descriptor.version(), staged.sha256())))
                        : installer.install(staged.path(), location, label, descriptor.entryPoint(), kind, runtime);
                bundle = installation.bundle();
            }
        } catch (DeploymentFailure e) {
            table.restore(descriptor.id(), enforcedBefore);
            runtime.close();
            StrictIsolation.discard(StrictIsolation.jarOf(dataFolder, descriptor.version(), staged.sha256()), label);
            return attempt.failed(DeploymentStep.INSTALL, e.reason() + currentlyServing(decision));
        }

        if (attempt.source() == DeploymentSource.REST) {
            try {
                uploads.keep(descriptor.id(), staged.path());
            } catch (IOException | RuntimeException e) {
                installer.retire(bundle);
                table.restore(descriptor.id(), enforcedBefore);
                runtime.close();
                return attempt.failed(DeploymentStep.INSTALL, Reasons.of(Reasons.UPLOAD_NOT_KEPT, "the upload of " + label
                        + " could not be kept under " + uploads.dir() + " for the next start: " + e
                        + "; free disk space or fix the folder's permissions, then upload again"
                        + currentlyServing(decision)));
            }
        } else {
            forgetUpload(descriptor.id());
        }
        attempt.pass(DeploymentStep.INSTALL);

        ActiveExtension next = new ActiveExtension(descriptor.id(), descriptor.name(), descriptor.version(),
                descriptor.type(), descriptor.methods(), Json.mapper().convertValue(descriptor.json(), MAP),
                inspected.signer().subject(), inspected.signer().fingerprint(),
                installation == null ? null : installation.entry(),
                installation == null ? null : installation.classLoader(), schemas, clock.instant(), attempt.source(),
                origin, staged.sha256(), bundle, permissions, report.toJson(), runtime, dataFolder);
        if (pending) {
            table.enforce(descriptor.id(), Grants.of(dataFolder, permissions.granted()), runtime);
        }
        Optional<ActiveExtension> previous = registry.switchTo(next);
        previous.ifPresent(this::retire);
        attempt.pass(DeploymentStep.SWITCH);
        auditPermissions(next);
        String signed = " (signed by " + inspected.signer().subject() + ")";
        DeploymentOutcome outcome = previous.isPresent() ? DeploymentOutcome.REPLACED : DeploymentOutcome.DEPLOYED;
        if (pending) {
            return attempt.record(outcome, Reasons.of(Reasons.PENDING_APPROVAL, label + " is installed but not started"
                    + signed + (previous.isPresent() ? " in place of version " + previous.get().version() : "")
                    + ": it waits for approval of " + PermissionJson.text(permissions.pending())
                    + "; review GET /api/v1/mplp/extensions/" + descriptor.id() + "/permissions and approve with POST"
                    + " /api/v1/mplp/extensions/" + descriptor.id() + "/grant"));
        }
        if (previous.isPresent()) {
            return attempt.record(DeploymentOutcome.REPLACED, Reasons.of(Reasons.REPLACED, label
                    + " now serves in place of version " + previous.get().version() + signed));
        }
        return attempt.record(DeploymentOutcome.DEPLOYED, Reasons.of(Reasons.DEPLOYED, label + " now serves" + signed));
    }

    private ExtensionPermissions decidePermissions(ExtensionDescriptor descriptor, String fingerprint, String subject) {
        List<Permission> requested = PermissionRequests.read(descriptor.json());
        if (requested.isEmpty()) {
            return ExtensionPermissions.NONE;
        }
        GrantPolicy policy = safeguards.grantPolicy() == null ? GrantPolicy.NONE
                : GrantPolicyFile.read(safeguards.grantPolicy());
        List<Permission> stored = safeguards.grants().approved(descriptor.id(), fingerprint);
        return ExtensionPermissions.decide(requested, policy, fingerprint, subject, stored);
    }

    private void auditPermissions(ActiveExtension extension) {
        ExtensionPermissions permissions = extension.permissions();
        if (permissions.requested().isEmpty()) {
            return;
        }
        String base = extension.label() + " signed by " + extension.publisher() + " (" + extension.fingerprint()
                + ") requested " + PermissionJson.text(permissions.requested());
        String by = " by policy " + (permissions.profiles().isEmpty() ? "(no profile applies)"
                : "profiles " + String.join(", ", permissions.profiles()));
        safeguards.audit().record(AuditTrail.HOST, extension.pending() ? "permissions-pending" : "permissions-granted",
                extension.id(),
                base + "; granted" + by + ": " + orNothing(permissions.autoGranted())
                        + "; granted by earlier approval: " + orNothing(permissions.approved())
                        + "; pending: " + orNothing(permissions.pending()));
    }

    private static String orNothing(List<Permission> permissions) {
        return permissions.isEmpty() ? "nothing" : PermissionJson.text(permissions);
    }

    /**
     * @param key {@code timeout_ms} or {@code hook_budget_ms}
     * @return {@code implementation.configuration.<key>}, or {@code null} when not set
     * @throws IllegalArgumentException when it is set but not a whole number of at least 1
     */
    static Long configuredMillis(JsonNode descriptor, String key) {
        JsonNode value = descriptor.path("implementation").path("configuration").path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw new IllegalArgumentException("implementation.configuration." + key + " is " + value
                    + "; set it to a whole number of milliseconds of at least 1, or leave it out for the host's default");
        }
        return value.asLong();
    }

    /**
     * Approves permissions of a pending extension; once none is pending it is started and serves.
     *
     * @param idOrName    the extension's id or name
     * @param permissions what to approve; {@code null} approves everything pending
     * @param by          who approves, for the audit line
     * @return the extension after the approval
     * @throws HostProblem 404 {@code extension-not-found}; 409 {@code extension-not-pending} when nothing waits;
     *         400 {@code invalid-grant} naming a permission the extension did not request; the store's problem
     *         (503 {@code store-unavailable}) when the approval cannot be stored, and it stays pending; 422 {@code deployment-failed} when the
     *         approved version does not start (it is removed, and the record says why)
     */
    public ActiveExtension grant(String idOrName, List<Permission> permissions, String by) {
        lock.lock();
        try {
            ActiveExtension extension = registry.find(idOrName).orElseThrow(() -> notFound(idOrName));
            ExtensionPermissions current = extension.permissions();
            if (!extension.pending()) {
                throw new HostProblem(409, "extension-not-pending", "Nothing awaits approval",
                        "extension " + extension.label() + " is " + extension.state() + " with everything it requested"
                                + " granted (" + orNothing(current.granted()) + "); nothing awaits approval",
                        Map.of("extension", extension.id(), "state", extension.state()));
            }
            List<Permission> chosen = permissions == null ? current.pending() : permissions;
            List<Permission> unrequested = chosen.stream().filter(p -> !current.requested().contains(p)).toList();
            if (!unrequested.isEmpty()) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("extension", extension.id());
                props.put("unrequested", PermissionJson.list(unrequested));
                throw new HostProblem(400, "invalid-grant", "Not requested",
                        "extension " + extension.label() + " did not request " + PermissionJson.text(unrequested)
                                + "; approve only what it requested: " + PermissionJson.text(current.requested()),
                        props);
            }
            ExtensionPermissions approved = current.approve(chosen);
            safeguards.grants().approve(extension.id(), extension.fingerprint(), approved.approved(), by);
            safeguards.audit().record(AuditTrail.OPERATOR, "permissions-approved", extension.id(), extension.label() + ": " + by
                    + " approved " + orNothing(chosen) + "; still pending: " + orNothing(approved.pending()));
            if (!approved.pending().isEmpty()) {
                ActiveExtension waiting = extension.withPermissions(approved);
                registry.switchTo(waiting);
                return waiting;
            }
            return startApproved(extension, approved, by);
        } finally {
            lock.unlock();
        }
    }

    private ActiveExtension startApproved(ActiveExtension extension, ExtensionPermissions approved, String by) {
        DeploymentAttempt attempt = DeploymentAttempt.of(clock, DeploymentSource.REST,
                extension.origin().getFileName() == null ? extension.name() : extension.origin().getFileName().toString(),
                extension);
        attempt.pass(DeploymentStep.GRANT);
        Grants grants = Grants.of(extension.dataFolder(), approved.granted());
        safeguards.table().enforce(extension.id(), grants, extension.runtime());
        Isolation isolation = Isolation.of(Json.mapper().valueToTree(extension.descriptor()),
                extension.kind() == ExtensionKind.PLUGIN);
        ExtensionInstaller.Installation installation;
        try {
            installation = isolation.strict()
                    ? installer.startIsolated(extension.bundle(), extension.label(), extension.entryPoint(),
                            extension.runtime(), strict.creation(extension.id(), extension.name(), extension.version(),
                                    extension.entryPoint(), isolation, grants, StrictIsolation.jarOf(
                                            extension.dataFolder(), extension.version(), extension.sha256())))
                    : installer.start(extension.bundle(), extension.label(), extension.entryPoint(), extension.kind(),
                            extension.runtime());
        } catch (DeploymentFailure e) {
            registry.remove(extension.id());
            retire(extension);
            forgetUpload(extension.id());
            DeploymentRecord record = finish(attempt, attempt.failed(DeploymentStep.START, e.reason()
                    + "; the approved version was removed"));
            throw new HostProblem(422, "deployment-failed", "Deployment failed", record.reason(),
                    Map.of("extension", extension.id(), "reason", e.code()));
        }
        attempt.pass(DeploymentStep.START);
        ActiveExtension started = extension.started(installation.entry(), installation.classLoader(), approved);
        registry.switchTo(started);
        attempt.pass(DeploymentStep.SWITCH);
        finish(attempt, attempt.record(DeploymentOutcome.DEPLOYED, Reasons.of(Reasons.APPROVED, extension.label()
                + " now serves: " + by + " approved " + PermissionJson.text(approved.approved()))));
        return started;
    }

    /**
     * Stops a version's bundle and runtime (and a strict version's child JVM) and deletes a strict version's jar
     * copy; its grants go unless a newer version of it took its place.
     */
    private void retire(ActiveExtension extension) {
        installer.retire(extension.bundle());
        extension.runtime().close();
        StrictIsolation.discard(StrictIsolation.jarOf(extension.dataFolder(), extension.version(), extension.sha256()),
                extension.label());
        Optional<EnforcementTable.Entry> entry = safeguards.table().entry(extension.id());
        if (entry.isPresent() && entry.get().runtime() == extension.runtime()) {
            safeguards.table().remove(extension.id());
        }
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
            return remove(serving, source);
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
            return Optional.of(remove(serving.get(), source));
        } finally {
            lock.unlock();
        }
    }

    private DeploymentRecord remove(ActiveExtension serving, DeploymentSource source) {
        registry.remove(serving.id());
        retire(serving);
        forgetUpload(serving.id());
        try {
            safeguards.grants().forget(serving.id());
            if (!serving.permissions().requested().isEmpty()) {
                safeguards.audit().record(DeploymentAudit.actorOf(source),
                        "approvals-forgotten", serving.id(), serving.label() + " was removed; its approvals are"
                                + " forgotten");
            }
        } catch (HostProblem e) {
            LOG.log(System.Logger.Level.WARNING, "the approvals of " + serving.label() + " stay in the store, which"
                    + " cannot forget them now (" + e.getMessage() + "); a later version signed by the same key will"
                    + " get them without asking");
        }
        DeploymentAttempt attempt = DeploymentAttempt.of(clock, source, serving.name(), serving);
        return finish(attempt, attempt.record(DeploymentOutcome.UNDEPLOYED, Reasons.of(Reasons.UNDEPLOYED,
                serving.label() + " was stopped and removed (requested from " + source + ")")));
    }

    /** Stops and uninstalls every extension this pipeline installed; kept uploads stay. No records. */
    public void retireAll() {
        lock.lock();
        try {
            for (ActiveExtension serving : registry.all()) {
                registry.remove(serving.id());
                retire(serving);
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

    /** Writes the attempt's record to the deployment history and its entry to the audit log; neither throws. */
    private DeploymentRecord finish(DeploymentAttempt attempt, DeploymentRecord record) {
        log.add(record);
        audit.record(attempt, record);
        System.Logger.Level level = record.succeeded() || record.outcome() == DeploymentOutcome.UNDEPLOYED
                ? System.Logger.Level.INFO : System.Logger.Level.WARNING;
        LOG.log(level, "deployment " + record.attemptId() + " of " + record.fileName() + " from " + record.source()
                + ": " + record.outcome() + " " + record.reason());
        return record;
    }
}
