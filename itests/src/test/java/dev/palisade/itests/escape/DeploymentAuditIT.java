package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.itests.ProbeJars;
import dev.palisade.itests.RunningDistribution;
import dev.palisade.itests.escape.hostile.RuntimeExec;

/**
 * Every deployment attempt is an entry in the hash-chained audit log: a fresh distribution's log counts the
 * sample's deployment from {@code deploy/}, and a hostile jar uploaded over REST and refused by the bytecode
 * scan leaves one entry naming its refusal code, the step that refused it and the operator who uploaded it.
 * The entries are read from a backup taken through the running host, as an auditor would.
 */
class DeploymentAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEX64 = "[0-9a-f]{64}";

    @TempDir
    Path temp;

    @Test
    void theSamplesDeploymentAndAHostileJarsRefusalAreInTheAuditLog() throws Exception {
        try (RunningDistribution host = RunningDistribution.start(temp.resolve("home"))) {
            assertEquals(1, auditEntries(host), "a fresh host's audit log holds the sample's deployment");
            String sampleId = host.get("/api/v1/mplp/extensions/text-tools").json().path("id").asText();

            HostileJar hostile = HostileJar.of("runtime-exec", RuntimeExec.class);
            Path jar = hostile.signedTo(Files.createDirectories(temp.resolve("jars")), ProbeJars.samplePublisher());
            RunningDistribution.Response refused = host.postBytes("/api/v1/mplp/extensions?filename=runtime-exec.jar",
                    Files.readAllBytes(jar));
            assertEquals(422, refused.status(), refused.body());
            assertEquals("forbidden-call", refused.json().path("reason").asText(), refused.body());
            assertEquals(2, auditEntries(host), "one entry for the refused upload");

            List<JsonNode> entries = auditLog(host.home());
            assertEquals(2, entries.size(), entries.toString());

            JsonNode sample = entries.get(0);
            assertEquals("host|extension.deployment.deployed|" + sampleId, summary(sample));
            JsonNode deployed = JSON.readTree(sample.path("details").asText());
            assertEquals("deployed", deployed.path("code").asText(), deployed.toString());
            assertEquals("DEPLOY_FOLDER", deployed.path("source").asText(), deployed.toString());
            assertTrue(deployed.path("sha256").asText().matches(HEX64), deployed.toString());
            assertTrue(deployed.path("fingerprint").asText().matches(HEX64), deployed.toString());
            assertEquals("[\"stage\",\"trust\",\"check\",\"scan\",\"update\",\"grant\",\"install\",\"switch\"]",
                    deployed.path("steps").toString());

            JsonNode refusal = entries.get(1);
            assertEquals("operator|extension.deployment.refused|" + hostile.id(), summary(refusal));
            JsonNode details = JSON.readTree(refusal.path("details").asText());
            assertEquals("forbidden-call", details.path("code").asText(), details.toString());
            assertTrue(details.path("detail").asText().startsWith("[forbidden-call] "), details.toString());
            assertEquals("scan", details.path("stopped_at").asText(), details.toString());
            assertEquals("[\"stage\",\"trust\",\"check\"]", details.path("steps").toString());
            assertEquals("REST", details.path("source").asText(), details.toString());
            assertEquals("runtime-exec.jar", details.path("file").asText(), details.toString());
            assertEquals(deployed.path("fingerprint"), details.path("fingerprint"), "the same sample publisher");
            assertEquals(refused.json().path("deployment").path("attemptId").asText(),
                    details.path("attempt").asText(), "the entry names the deployment record");
        }
    }

    private static long auditEntries(RunningDistribution host) {
        RunningDistribution.Response verify = host.get("/api/v1/admin/audit/verify");
        assertEquals(200, verify.status(), verify.body());
        assertTrue(verify.json().path("intact").asBoolean(), verify.body());
        return verify.json().path("entriesChecked").asLong();
    }

    private static String summary(JsonNode entry) {
        return entry.path("actor").asText() + "|" + entry.path("action").asText() + "|" + entry.path("target").asText();
    }

    /** @return the audit log's rows, oldest first, from {@code palisade backup} through the running host */
    private List<JsonNode> auditLog(Path home) throws Exception {
        Path backup = temp.resolve("audit.gz");
        Path output = temp.resolve("backup.log");
        ProcessBuilder command = new ProcessBuilder(home.resolve("bin/palisade").toString(), "backup",
                backup.toString(), "--home", home.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = command.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "palisade backup did not finish within 90 s");
        assertEquals(0, process.exitValue(), Files.readString(output));
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(backup)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = JSON.readTree(line);
                if ("audit_log".equals(node.path("table").asText())) {
                    rows.add(node.path("row"));
                }
            }
        }
        return rows;
    }
}
