package dev.palisade.core.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.core.extension.deploy.UploadKeeper;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionInfo;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.testing.TestDescriptors;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;
import dev.palisade.sandbox.testing.fixtures.FailingConstructorPlugin;
import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;

/**
 * The whole pipeline against a real Felix framework, sandbox hooks registered: signed jars built in code
 * are staged, verified, scanned, installed, started, switched and retired. The API package comes from the
 * test class path through the system bundle.
 */
class ExtensionHostInFelixTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";
    private static final String OTHER_ID = "11111111-2222-4333-8444-555555555555";
    private static final String BSN = "dev.palisade.test.texttools";

    private static TestPublisher ca;
    private static TestPublisher publisher;

    @TempDir
    Path tmp;

    private FelixHost felix;
    private DeploymentPipeline pipeline;
    private LocalExtensionHost host;
    private UploadKeeper uploads;

    @BeforeAll
    static void keys() {
        ca = TestPublisher.selfSignedCa("Palisade Test CA");
        publisher = TestPublisher.issuedBy(ca, "Text Tools Publisher");
    }

    @BeforeEach
    void startFramework() throws Exception {
        felix = new FelixHost(tmp, ca, RuntimeLimits.defaults());
        pipeline = felix.pipeline;
        host = felix.host;
        uploads = felix.uploads;
    }

    @AfterEach
    void stopFramework() throws Exception {
        felix.close();
        assertEquals(List.of(), felix.frameworkErrors);
    }

    private Path wordCountJar(String file, String version) {
        return jar(file, version, ID, "text-tools").signedTo(tmp.resolve(file), publisher);
    }

    private static TestJar jar(String file, String version, String id, String name) {
        return TestJar.plugin(BSN, version).addClass(WordCountPlugin.class)
                .descriptor(TestDescriptors.wordCount(id, name, version));
    }

    private List<Bundle> extensionBundles() {
        return felix.extensionBundles();
    }

    private Object wordCount(String text) {
        return host.invoke("text-tools", "word_count", Map.of("text", text));
    }

    private static final Pattern FACT = Pattern.compile("(code|steps|stopped_at)=(\\[[^\\]]*\\]|[a-z-]+)");
    private static final String ALL_STEPS = "steps=[stage, trust, check, scan, update, grant, install, switch]";

    /**
     * @return the audit entries of deployment attempts, oldest first, as {@code "<actor>: <action> <target>"}
     *         followed by their code, steps and stopped_at facts
     */
    private List<String> deploymentEntries() {
        return felix.audit.stream().filter(line -> line.contains(": deployment.")).map(line -> {
            StringBuilder summary = new StringBuilder(line.substring(0, line.indexOf(" {")));
            Matcher fact = FACT.matcher(line.substring(line.indexOf(", code=")));
            while (fact.find()) {
                summary.append(' ').append(fact.group());
            }
            return summary.toString();
        }).toList();
    }

    @Test
    void deployInvokeReplaceAndUndeploy() {
        DeploymentRecord first = host.deploy(wordCountJar("tt-1.0.0.jar", "1.0.0"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.DEPLOYED, first.outcome(), first.reason());
        assertTrue(first.reason().startsWith("[deployed] text-tools 1.0.0 now serves (signed by CN=Text Tools Publisher"),
                first.reason());
        assertEquals("tt-1.0.0.jar", first.fileName());
        assertEquals(ID, first.extensionId());
        assertEquals(Map.of("words", 3), wordCount("one two three"));
        assertEquals(1, extensionBundles().size());
        assertEquals(Bundle.ACTIVE, extensionBundles().get(0).getState());

        ExtensionInfo info = host.extension(ID).orElseThrow();
        assertEquals("text-tools", info.name());
        assertEquals("active", info.state());
        assertEquals(List.of("word_count"), info.methods());
        assertEquals(ID, info.descriptor().get("id"));

        DeploymentRecord second = host.deploy(wordCountJar("tt-1.1.0.jar", "1.1.0"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.REPLACED, second.outcome(), second.reason());
        assertTrue(second.reason().startsWith("[replaced] text-tools 1.1.0 now serves in place of version 1.0.0"),
                second.reason());
        assertEquals("1.1.0", host.extension("text-tools").orElseThrow().version());
        assertEquals(1, extensionBundles().size(), "the old bundle is uninstalled");
        assertEquals(Map.of("words", 2), wordCount("one two"));

        DeploymentRecord removal = host.undeploy("text-tools", DeploymentSource.REST);
        assertEquals(DeploymentOutcome.UNDEPLOYED, removal.outcome());
        assertEquals("[undeployed] text-tools 1.1.0 was stopped and removed (requested from REST)", removal.reason());
        assertEquals(0, extensionBundles().size());
        HostProblem gone = assertThrows(HostProblem.class, () -> wordCount("x"));
        assertEquals(404, gone.status());
        assertEquals("no extension with id or name 'text-tools' is deployed; list the deployed extensions with"
                + " GET /api/v1/mplp/extensions", gone.detail());

        assertEquals(List.of(DeploymentOutcome.UNDEPLOYED, DeploymentOutcome.REPLACED, DeploymentOutcome.DEPLOYED),
                host.deployments().stream().map(DeploymentRecord::outcome).toList());

        assertEquals(List.of("host: deployment.deployed " + ID + " code=deployed " + ALL_STEPS,
                "host: deployment.replaced " + ID + " code=replaced " + ALL_STEPS,
                "operator: deployment.undeployed " + ID + " code=undeployed"), deploymentEntries());
        String deployed = felix.audit.stream().filter(line -> line.startsWith("host: deployment.deployed "))
                .findFirst().orElseThrow();
        assertTrue(deployed.startsWith("host: deployment.deployed " + ID + " {detail=" + first.reason() + ", code=deployed,"
                + " attempt=" + first.attemptId() + ", source=DEPLOY_FOLDER, file=tt-1.0.0.jar, sha256=" + first.sha256()
                + ", version=1.0.0, publisher=CN=Text Tools Publisher"), deployed);
        assertTrue(deployed.matches(".*, fingerprint=[0-9a-f]{64}, steps=.*"), deployed);
    }

    @Test
    void aStoreOutageDoesNotStopADeploymentAndItsRecordIsWrittenOnceTheStoreIsBack() {
        felix.store.down(true);
        DeploymentRecord record = host.deploy(wordCountJar("tt.jar", "1.0.0"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.DEPLOYED, record.outcome(), record.reason());
        assertEquals(Map.of("words", 2), wordCount("still serves"));
        HostProblem unavailable = assertThrows(HostProblem.class, host::deployments);
        assertEquals(503, unavailable.status());
        assertEquals("store-unavailable", unavailable.type());

        felix.store.down(false);
        assertEquals(List.of(record), host.deployments());
        assertEquals(List.of(record), felix.store.recent(10));
    }

    @Test
    void sameVersionIsRefusedUnlessByteIdenticalAndLowerVersionIsADowngrade() throws Exception {
        Path jar = wordCountJar("tt.jar", "1.1.0");
        assertEquals(DeploymentOutcome.DEPLOYED, host.deploy(jar, DeploymentSource.DEPLOY_FOLDER).outcome());

        DeploymentRecord again = host.deploy(jar, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.DEPLOYED, again.outcome());
        assertEquals("[unchanged] version 1.1.0 of text-tools is already deployed from a byte-identical jar; nothing"
                + " changed", again.reason());
        assertEquals(1, extensionBundles().size());

        Path changed = jar("x", "1.1.0", ID, "text-tools").entry("extra.txt", "x".getBytes(StandardCharsets.UTF_8))
                .signedTo(tmp.resolve("tt-changed.jar"), publisher);
        DeploymentRecord same = host.deploy(changed, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.REFUSED, same.outcome());
        assertEquals("[already-deployed] version 1.1.0 of text-tools is already deployed; raise the version to update",
                same.reason());

        DeploymentRecord lower = host.deploy(wordCountJar("tt-1.0.5.jar", "1.0.5"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.REFUSED, lower.outcome());
        assertEquals("[downgrade] version 1.0.5 of text-tools is lower than the serving version 1.1.0; downgrades are"
                + " refused: deploy a version higher than 1.1.0, or undeploy the extension first", lower.reason());

        Path otherId = jar("x", "9.0.0", OTHER_ID, "text-tools").signedTo(tmp.resolve("other.jar"), publisher);
        DeploymentRecord taken = host.deploy(otherId, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.REFUSED, taken.outcome());
        assertTrue(taken.reason().startsWith("[name-taken] the name 'text-tools' is already used by extension " + ID),
                taken.reason());

        assertEquals("1.1.0", host.extension(ID).orElseThrow().version());
        assertEquals(1, extensionBundles().size());
    }

    @Test
    void failuresAfterTheChecksLeaveTheOldVersionServing() {
        host.deploy(wordCountJar("tt.jar", "1.0.0"), DeploymentSource.DEPLOY_FOLDER);

        Path throwing = TestJar.plugin(BSN, "1.1.0").addClass(FailingConstructorPlugin.class)
                .descriptor(TestDescriptors.plugin(ID, "text-tools", "1.1.0", "word_count",
                        FailingConstructorPlugin.class.getName()))
                .signedTo(tmp.resolve("throwing.jar"), publisher);
        DeploymentRecord failed = host.deploy(throwing, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.FAILED, failed.outcome());
        assertEquals("[constructor-failed] the constructor of entry class " + FailingConstructorPlugin.class.getName()
                + " of text-tools 1.1.0 threw java.lang.IllegalStateException: FailingConstructorPlugin refuses to"
                + " start; fix the constructor so that it completes without error; version 1.0.0 keeps serving",
                failed.reason());

        Path notAPlugin = TestJar.plugin(BSN, "1.2.0").addClass(NotAPlugin.class)
                .descriptor(TestDescriptors.plugin(ID, "text-tools", "1.2.0", "word_count", NotAPlugin.class.getName()))
                .signedTo(tmp.resolve("not-a-plugin.jar"), publisher);
        DeploymentRecord notPlugin = host.deploy(notAPlugin, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.FAILED, notPlugin.outcome());
        assertEquals("[not-a-plugin] entry class " + NotAPlugin.class.getName() + " of text-tools 1.2.0 does not"
                + " implement dev.palisade.api.extension.Plugin; implement it, importing package"
                + " dev.palisade.api.extension from the host; version 1.0.0 keeps serving", notPlugin.reason());

        Path unresolvable = jar("x", "1.3.0", ID, "text-tools")
                .header("Import-Package", "dev.palisade.api.extension;version=\"[2.0,3)\"")
                .signedTo(tmp.resolve("unresolvable.jar"), publisher);
        DeploymentRecord unresolved = host.deploy(unresolvable, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.FAILED, unresolved.outcome());
        assertTrue(unresolved.reason().startsWith("[unresolved] bundle " + BSN + " (text-tools 1.3.0) did not resolve:"),
                unresolved.reason());
        assertTrue(unresolved.reason().contains("osgi.wiring.package=dev.palisade.api.extension"), unresolved.reason());
        assertTrue(unresolved.reason().endsWith("fix the Import-Package header; version 1.0.0 keeps serving"),
                unresolved.reason());

        assertEquals("1.0.0", host.extension(ID).orElseThrow().version());
        assertEquals(Map.of("words", 1), wordCount("one"));
        assertEquals(1, extensionBundles().size(), "failed bundles are uninstalled");

        String untilGrant = " steps=[stage, trust, check, scan, update, grant] stopped_at=install";
        assertEquals(List.of("host: deployment.deployed " + ID + " code=deployed " + ALL_STEPS,
                "host: deployment.failed " + ID + " code=constructor-failed" + untilGrant,
                "host: deployment.failed " + ID + " code=not-a-plugin" + untilGrant,
                "host: deployment.failed " + ID + " code=unresolved" + untilGrant), deploymentEntries());
    }

    @Test
    void aConstructorPastTheTimeLimitFailsTheDeploymentOffTheDeployingThreadAndTheOldVersionServes() {
        host.deploy(wordCountJar("tt.jar", "1.0.0"), DeploymentSource.DEPLOY_FOLDER);

        String descriptor = TestDescriptors.plugin(ID, "text-tools", "1.1.0", "word_count",
                SlowConstructorPlugin.class.getName()).replace("\"runtime\":\"java\",",
                        "\"runtime\":\"java\",\"configuration\":{\"timeout_ms\":300},");
        Path slow = TestJar.plugin(BSN, "1.1.0").addClass(SlowConstructorPlugin.class).descriptor(descriptor)
                .signedTo(tmp.resolve("slow.jar"), publisher);
        long start = System.nanoTime();
        DeploymentRecord failed = host.deploy(slow, DeploymentSource.DEPLOY_FOLDER);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(DeploymentOutcome.FAILED, failed.outcome(), failed.reason());
        assertEquals("[constructor-failed] the constructor (or static initializer) of entry class "
                + SlowConstructorPlugin.class.getName() + " of text-tools 1.1.0 did not complete within the time"
                + " limit of 300 ms; its thread was interrupted and abandoned. Make the constructor quick and do slow"
                + " work in invoke; version 1.0.0 keeps serving", failed.reason());
        assertTrue(tookMs < SlowConstructorPlugin.SPIN_MS / 4, "the deployment waited " + tookMs + " ms");
        assertEquals("1.0.0", host.extension(ID).orElseThrow().version());
        assertEquals(Map.of("words", 1), wordCount("one"));
        assertEquals(1, extensionBundles().size(), "the failed bundle is uninstalled");
    }

    @Test
    void refusalsFromTheChecksAreRecorded() throws Exception {
        Path unsigned = jar("x", "1.0.0", ID, "text-tools").writeTo(tmp.resolve("unsigned.jar"));
        DeploymentRecord record = host.deploy(unsigned, DeploymentSource.REST);
        assertEquals(DeploymentOutcome.REFUSED, record.outcome());
        assertTrue(record.reason().startsWith("[unsigned] "), record.reason());
        assertEquals(64, record.sha256().length());

        DeploymentRecord missing = host.deploy(tmp.resolve("nothing.jar"), DeploymentSource.EMBEDDING_API);
        assertEquals(DeploymentOutcome.REFUSED, missing.outcome());
        assertTrue(missing.reason().startsWith("[unreadable] cannot read " + tmp.resolve("nothing.jar")),
                missing.reason());
        assertEquals(List.of(), host.extensions());
        assertEquals(0, extensionBundles().size());
        assertEquals(2, host.deployments().size());

        assertEquals(List.of("operator: deployment.refused unsigned.jar code=unsigned steps=[stage] stopped_at=trust",
                "host: deployment.refused nothing.jar code=unreadable stopped_at=stage"), deploymentEntries());
    }

    @Test
    void restUploadsAreKeptUntilUndeployedAndAFolderVersionDropsThem() throws Exception {
        host.deploy(wordCountJar("up.jar", "1.0.0"), DeploymentSource.REST);
        Path kept = uploads.pathFor(ID);
        assertTrue(Files.isRegularFile(kept));
        assertEquals(List.of(kept), uploads.kept());

        // what the next start does: deploy the kept copy again (here: unchanged)
        assertEquals("[unchanged] version 1.0.0 of text-tools is already deployed from a byte-identical jar; nothing"
                + " changed", host.deploy(kept, DeploymentSource.REST).reason());
        assertTrue(Files.isRegularFile(kept));

        host.deploy(wordCountJar("folder.jar", "1.1.0"), DeploymentSource.DEPLOY_FOLDER);
        assertFalse(Files.exists(kept), "the folder's version now serves; the upload is no longer kept");

        host.deploy(wordCountJar("up2.jar", "1.2.0"), DeploymentSource.REST);
        assertTrue(Files.exists(kept));
        host.undeploy(ID, DeploymentSource.REST);
        assertFalse(Files.exists(kept));
    }

    @Test
    void aDeletedFolderFileUndeploysOnlyWhatItServes() {
        Path a = wordCountJar("a.jar", "1.0.0");
        Path b = wordCountJar("b.jar", "1.1.0");
        host.deploy(a, DeploymentSource.DEPLOY_FOLDER);
        host.deploy(b, DeploymentSource.DEPLOY_FOLDER);

        assertEquals(Optional.empty(), pipeline.undeployOrigin(a, DeploymentSource.DEPLOY_FOLDER));
        assertEquals("1.1.0", host.extension(ID).orElseThrow().version());

        DeploymentRecord removed = pipeline.undeployOrigin(b, DeploymentSource.DEPLOY_FOLDER).orElseThrow();
        assertEquals(DeploymentOutcome.UNDEPLOYED, removed.outcome());
        assertEquals(List.of(), host.extensions());
    }

    @Test
    void retireAllUninstallsEveryExtensionBundle() {
        host.deploy(wordCountJar("a.jar", "1.0.0"), DeploymentSource.DEPLOY_FOLDER);
        Path other = TestJar.plugin("dev.palisade.test.other", "1.0.0").addClass(WordCountPlugin.class)
                .descriptor(TestDescriptors.wordCount(OTHER_ID, "other-tools", "1.0.0"))
                .signedTo(tmp.resolve("other.jar"), publisher);
        assertEquals(DeploymentOutcome.DEPLOYED, host.deploy(other, DeploymentSource.DEPLOY_FOLDER).outcome());
        assertEquals(List.of("other-tools", "text-tools"), host.extensions().stream().map(ExtensionInfo::name).toList());
        assertEquals(2, extensionBundles().size());

        pipeline.retireAll();

        assertEquals(0, extensionBundles().size());
        assertEquals(List.of(), host.extensions());
    }
}
