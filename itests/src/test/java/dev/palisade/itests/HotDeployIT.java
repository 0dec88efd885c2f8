package dev.palisade.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.sandbox.testing.JarTampering;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;

/**
 * Hot deployment through deploy/ and REST against the assembled distribution running as its own
 * process: the sample works, versions replace each other without a restart, another publisher
 * cannot take an extension over, a broken release leaves the old one serving, deleting removes, and
 * hostile jars are refused while the host keeps serving and nothing deployed is touched.
 */
class HotDeployIT {

    private static final String WORD_COUNT =
            "{\"method\": \"word_count\", \"input\": {\"text\": \"one two three\"}}";

    @TempDir
    static Path temp;
    static RunningDistribution host;
    static TestPublisher sample;

    @BeforeAll
    static void startDistribution() throws Exception {
        host = RunningDistribution.start(temp.resolve("home"));
        sample = ProbeJars.samplePublisher();
    }

    @AfterAll
    static void stopDistribution() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theShippedSampleIsDeployedSignedAndAnswers() {
        Response list = host.get("/api/v1/mplp/extensions");
        assertEquals(200, list.status(), list.body());
        JsonNode textTools = host.get("/api/v1/mplp/extensions/text-tools").json();
        assertEquals("1.0.0", textTools.path("version").asText());
        assertTrue(textTools.path("publisher").asText().contains("CN=Palisade Sample Publisher"),
                textTools.toString());

        Response call = host.postJson("/api/v1/mplp/extensions/text-tools/execute", WORD_COUNT);
        assertEquals(200, call.status(), call.body());
        assertEquals(3, call.json().path("output").path("words").asInt());
    }

    @Test
    void aNewVersionReplacesTheOldAndABrokenOneLeavesItServing() throws Exception {
        String id = UUID.randomUUID().toString();
        long pid = host.process().pid();
        String file = "versioned.jar";

        deployFromFolder(ProbeJars.reporter(id, "versioned", "1.0.0"), file, "DEPLOYED");
        assertEquals("1.0.0", whoami("versioned"));

        deployFromFolder(ProbeJars.reporter(id, "versioned", "1.1.0"), file, "REPLACED");
        assertEquals("1.1.0", whoami("versioned"));

        TestPublisher otherCa = TestPublisher.selfSignedCa("Other Trusted CA");
        otherCa.writeCertificatePem(host.home().resolve("etc/trust/other-ca.pem"));
        TestPublisher otherPublisher = TestPublisher.issuedBy(otherCa, "Other Publisher");
        JsonNode takeover = deployFromFolder(ProbeJars.reporter(id, "versioned", "1.3.0"), file,
                otherPublisher, "REFUSED");
        assertTrue(takeover.path("reason").asText().startsWith("[publisher-changed]"), takeover.toString());
        assertEquals("1.1.0", whoami("versioned"));

        JsonNode broken = deployFromFolder(ProbeJars.failing(id, "versioned", "1.2.0"), file,
                "FAILED");
        assertTrue(broken.path("reason").asText().contains("fixture refuses to start"),
                broken.toString());
        assertEquals("1.1.0", whoami("versioned"));
        assertEquals(pid, host.process().pid());
        assertTrue(host.process().isAlive());

        Files.delete(host.deployDir().resolve(file));
        host.await("/api/v1/mplp/extensions/versioned", r -> r.status() == 404,
                "versioned to be removed after its file was deleted");
        Response gone = host.get("/api/v1/mplp/extensions/versioned");
        assertTrue(gone.contentType().startsWith("application/problem+json"), gone.contentType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileJars")
    void aHostileJarIsRefusedAndNothingDeployedIsTouched(String name, Path jar, String reasonCode)
            throws Exception {
        JsonNode extensionsBefore = host.get("/api/v1/mplp/extensions").json();
        String file = name + ".jar";
        int before = (int) host.deploymentCount(file);

        host.drop(jar, file);
        JsonNode record = host.awaitDeployment(file, before);

        assertEquals("REFUSED", record.path("outcome").asText(), record.toString());
        assertTrue(record.path("reason").asText().startsWith("[" + reasonCode + "]"),
                record.toString());
        assertEquals(200, host.get("/health").status());
        assertEquals(extensionsBefore, host.get("/api/v1/mplp/extensions").json());
        Response call = host.postJson("/api/v1/mplp/extensions/text-tools/execute", WORD_COUNT);
        assertEquals(200, call.status(), call.body());
        assertFalse(Files.exists(host.home().resolve("evil.txt")));
        assertFalse(Files.exists(host.home().getParent().resolve("evil.txt")));
        Files.delete(host.deployDir().resolve(file));
    }

    static Stream<Arguments> hostileJars() throws Exception {
        Path dir = Files.createTempDirectory("hostile");
        TestPublisher publisher = ProbeJars.samplePublisher();
        String id = UUID.randomUUID().toString();
        Path good = ProbeJars.reporter(id, "probe", "1.0.0").signedTo(dir.resolve("good.jar"), publisher);
        TestPublisher mallory = TestPublisher.selfSigned("Mallory");
        byte[] junk = "not a class".getBytes(StandardCharsets.UTF_8);

        List<Arguments> jars = new ArrayList<>();
        jars.add(Arguments.of("unsigned",
                ProbeJars.reporter(id, "probe", "1.0.0").writeTo(dir.resolve("unsigned.jar")), "unsigned"));
        jars.add(Arguments.of("class-modified-after-signing",
                JarTampering.replaceEntry(good, ProbeJars.REPORTER_CLASS, junk, dir.resolve("tampered.jar")),
                "tampered"));
        jars.add(Arguments.of("unsigned-entry-added",
                JarTampering.addEntry(good, "dev/palisade/itests/fixtures/Extra.class", junk,
                        dir.resolve("added.jar")),
                "unsigned-entry"));
        jars.add(Arguments.of("untrusted-signer",
                ProbeJars.reporter(id, "probe", "1.0.0").signedTo(dir.resolve("mallory.jar"), mallory),
                "untrusted-signer"));
        jars.add(Arguments.of("forbidden-header",
                ProbeJars.reporter(id, "probe", "1.0.0")
                        .header("Bundle-Activator", "dev.palisade.itests.fixtures.VersionReporter")
                        .signedTo(dir.resolve("activator.jar"), publisher),
                "forbidden-header"));
        jars.add(Arguments.of("invalid-descriptor",
                ProbeJars.reporter(id, "probe", "1.0.0")
                        .descriptor("{\"id\": \"" + id + "\", \"name\": \"probe\", \"version\": \"one\"}")
                        .signedTo(dir.resolve("descriptor.jar"), publisher),
                "invalid-descriptor"));
        Path notZip = Files.writeString(dir.resolve("notzip.jar"), "this is not a zip file\n");
        jars.add(Arguments.of("not-a-zip", notZip, "not-a-jar"));
        jars.add(Arguments.of("empty-file", Files.createFile(dir.resolve("empty.jar")), "empty-file"));
        jars.add(Arguments.of("path-traversal-entry",
                JarTampering.withRawEntryName(good, "../../evil.txt", junk, dir.resolve("traversal.jar")),
                "unsafe-entry-name"));
        return jars.stream();
    }

    @Test
    void restUploadDeploysRefusesAndRemoves() throws Exception {
        String id = UUID.randomUUID().toString();
        Path signed = ProbeJars.reporter(id, "uploaded", "2.0.0")
                .signedTo(temp.resolve("uploaded.jar"), sample);
        Response created = host.postBytes("/api/v1/mplp/extensions?filename=uploaded.jar",
                Files.readAllBytes(signed));
        assertEquals(201, created.status(), created.body());
        assertEquals("DEPLOYED", created.json().path("outcome").asText());
        assertEquals("2.0.0", whoami("uploaded"));

        Path unsigned = ProbeJars.reporter(id, "uploaded", "2.1.0")
                .writeTo(temp.resolve("uploaded-unsigned.jar"));
        Response refused = host.postBytes("/api/v1/mplp/extensions?filename=uploaded-unsigned.jar",
                Files.readAllBytes(unsigned));
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals("2.0.0", whoami("uploaded"));

        Response removed = host.delete("/api/v1/mplp/extensions/uploaded");
        assertEquals(200, removed.status(), removed.body());
        assertEquals(404, host.get("/api/v1/mplp/extensions/uploaded").status());
    }

    private JsonNode deployFromFolder(TestJar jar, String file, String outcome) throws Exception {
        return deployFromFolder(jar, file, sample, outcome);
    }

    private JsonNode deployFromFolder(TestJar jar, String file, TestPublisher publisher,
            String outcome) throws Exception {
        Path built = jar.signedTo(temp.resolve(UUID.randomUUID() + ".jar"), publisher);
        int before = (int) host.deploymentCount(file);
        host.drop(built, file);
        JsonNode record = host.awaitDeployment(file, before);
        assertEquals(outcome, record.path("outcome").asText(), record.toString());
        return record;
    }

    private String whoami(String extension) {
        Response r = host.postJson("/api/v1/mplp/extensions/" + extension + "/execute",
                "{\"method\": \"whoami\", \"input\": {}}");
        assertEquals(200, r.status(), r.body());
        return r.json().path("output").path("version").asText();
    }
}
