package dev.palisade.core.extension.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.host.bridge.DeploymentSource;

class UpdatePolicyTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";
    private static final String OTHER_ID = "11111111-2222-4333-8444-555555555555";

    private static ActiveExtension serving(String id, String name, String version, String sha) {
        return new ActiveExtension(id, name, version, "plugin", List.of("m"), Map.of(), "CN=P", "ff",
                (dev.palisade.api.extension.Plugin) (m, i, c) -> null, null, null, Instant.EPOCH, DeploymentSource.DEPLOY_FOLDER, Path.of("/d/x.jar"), sha,
                null, ExtensionPermissions.NONE, Map.of(), null, Path.of("/d"));
    }

    private static UpdatePolicy.Candidate candidate(String id, String name, String version, String sha) {
        return new UpdatePolicy.Candidate(id, name, version, sha, "CN=P", "ff");
    }

    private final ExtensionRegistry registry = new ExtensionRegistry();

    @Test
    void anUpdateSignedByAnotherPublisherIsRefused() {
        registry.switchTo(serving(ID, "text-tools", "1.0.0", "aa"));
        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry,
                new UpdatePolicy.Candidate(ID, "text-tools", "1.1.0", "bb", "CN=Mallory", "ee"));
        assertEquals(UpdatePolicy.Kind.REFUSED, decision.kind());
        assertEquals(Reasons.PUBLISHER_CHANGED, decision.code());
        assertEquals("version 1.1.0 of text-tools is signed by CN=Mallory (certificate SHA-256 ee), but the serving"
                + " version 1.0.0 was signed by CN=P (certificate SHA-256 ff); an update must be signed with the same"
                + " publisher key: sign it with that key, or undeploy text-tools first to accept a new publisher",
                decision.detail());
    }

    @Test
    void newIdIsNew() {
        assertEquals(UpdatePolicy.Kind.NEW, UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.0.0", "aa")).kind());
    }

    @Test
    void higherVersionReplaces() {
        ActiveExtension old = serving(ID, "text-tools", "1.0.0", "aa");
        registry.switchTo(old);
        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.0.1", "bb"));
        assertEquals(UpdatePolicy.Kind.REPLACE, decision.kind());
        assertSame(old, decision.previous());
        assertEquals(UpdatePolicy.Kind.REPLACE, UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.1", "bb")).kind());
    }

    @Test
    void sameVersionOtherBytesIsRefused() {
        registry.switchTo(serving(ID, "text-tools", "1.0.0", "aa"));
        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.0", "bb"));
        assertEquals(UpdatePolicy.Kind.REFUSED, decision.kind());
        assertEquals(Reasons.ALREADY_DEPLOYED, decision.code());
        assertEquals("version 1.0 of text-tools is already deployed; raise the version to update", decision.detail());
    }

    @Test
    void sameBytesChangeNothing() {
        registry.switchTo(serving(ID, "text-tools", "1.0.0", "aa"));
        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.0.0", "aa"));
        assertEquals(UpdatePolicy.Kind.UNCHANGED, decision.kind());
        assertEquals("version 1.0.0 of text-tools is already deployed from a byte-identical jar; nothing changed",
                decision.detail());
    }

    @Test
    void lowerVersionIsADowngrade() {
        registry.switchTo(serving(ID, "text-tools", "1.2.0", "aa"));
        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.10.0", "bb"));
        assertEquals(UpdatePolicy.Kind.REPLACE, decision.kind(), "1.10.0 is higher than 1.2.0");
        decision = UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.1.9", "bb"));
        assertEquals(UpdatePolicy.Kind.REFUSED, decision.kind());
        assertEquals(Reasons.DOWNGRADE, decision.code());
        assertEquals("version 1.1.9 of text-tools is lower than the serving version 1.2.0; downgrades are refused:"
                + " deploy a version higher than 1.2.0, or undeploy the extension first", decision.detail());
    }

    @Test
    void aNameBelongsToOneId() {
        registry.switchTo(serving(OTHER_ID, "text-tools", "3.0.0", "aa"));
        UpdatePolicy.Decision decision = UpdatePolicy.decide(registry, candidate(ID, "text-tools", "1.0.0", "bb"));
        assertEquals(UpdatePolicy.Kind.REFUSED, decision.kind());
        assertEquals(Reasons.NAME_TAKEN, decision.code());
        assertEquals("the name 'text-tools' is already used by extension " + OTHER_ID + " (version 3.0.0), and this"
                + " jar has id " + ID + "; choose another name, or undeploy that extension first", decision.detail());
    }

    @Test
    void registryFindsByIdNameAndOrigin() {
        ActiveExtension e = serving(ID, "text-tools", "1.0.0", "aa");
        registry.switchTo(e);
        assertSame(e, registry.find(ID).orElseThrow());
        assertSame(e, registry.find("text-tools").orElseThrow());
        assertSame(e, registry.byOrigin(Path.of("/d/x.jar")).orElseThrow());
        assertEquals(List.of(), registry.find("nothing").stream().toList());
        registry.remove(ID);
        assertEquals(List.of(), registry.all());
    }
}
