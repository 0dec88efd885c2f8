package dev.palisade.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionInfo;
import dev.palisade.host.bridge.HostProblem;

/**
 * Starts the assembled distribution through the embedding API, as an application would: the test
 * class path holds the launcher, the bridge and the Felix framework, and nothing else of Palisade.
 */
class EmbeddingIT {

    private static final String SAMPLE = "text-tools";

    @TempDir
    Path temp;

    @Test
    void theClassPathHoldsNoBundleLibraries() {
        for (String name : List.of("dev.palisade.api.extension.Plugin", "com.fasterxml.jackson.databind.ObjectMapper",
                "jakarta.servlet.Servlet", "org.slf4j.Logger", "org.apache.felix.scr.impl.Activator")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name + " must not be on the embedding class path");
        }
    }

    @Test
    void startsServesInvokesAndStops() throws Exception {
        Path home = DistributionHome.copyInto(temp);
        Path jar = Files.copy(onlyJarIn(home.resolve("deploy")), temp.resolve("text-tools.jar"));
        PalisadeHost host = Palisade.builder().home(home).port(0).start();
        URI base;
        try {
            assertTrue(host.ready());
            assertTrue(host.port() > 0, "port " + host.port());
            base = host.baseUri();
            assertEquals(URI.create("http://127.0.0.1:" + host.port() + "/"), base);

            HttpResponse<String> health = Http.get(base.resolve("health"));
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(Http.contentType(health).startsWith("application/json"), Http.contentType(health));
            assertTrue(health.body().contains("\"status\":\"ready\""), health.body());

            List<ExtensionInfo> extensions = host.extensions();
            assertEquals(List.of(SAMPLE), extensions.stream().map(ExtensionInfo::name).toList());
            ExtensionInfo sample = extensions.get(0);
            assertEquals("1.0.0", sample.version());
            assertEquals(DeploymentSource.DEPLOY_FOLDER, sample.source());
            assertTrue(sample.methods().contains("slugify"), sample.methods().toString());

            Object slug = host.invoke(SAMPLE, "slugify", Map.of("text", "Hello, Palisade World"));
            assertEquals("hello-palisade-world", ((Map<?, ?>) slug).get("slug"));
            HostProblem badInput = assertThrows(HostProblem.class, () -> host.invoke(SAMPLE, "slugify", Map.of()));
            assertEquals(400, badInput.status());
            assertEquals(404, assertThrows(HostProblem.class, () -> host.invoke("no-such-extension", "x", Map.of())).status());

            DeploymentRecord removed = host.undeploy(SAMPLE);
            assertEquals(DeploymentOutcome.UNDEPLOYED, removed.outcome());
            assertEquals(List.of(), host.extensions());
            assertEquals(404, assertThrows(HostProblem.class, () -> host.invoke(SAMPLE, "slugify", Map.of("text", "x"))).status());

            DeploymentRecord deployed = host.deploy(jar);
            assertEquals(DeploymentOutcome.DEPLOYED, deployed.outcome(), deployed.reason());
            assertEquals(DeploymentSource.EMBEDDING_API, deployed.source());
            assertEquals(SAMPLE, deployed.extensionName());
            assertEquals("hello", ((Map<?, ?>) host.invoke(SAMPLE, "slugify", Map.of("text", "Hello"))).get("slug"));
            assertEquals(deployed.attemptId(), host.deployments().get(0).attemptId());
        } finally {
            host.close();
        }
        assertFalse(host.ready());
        host.close(); // a second close does nothing
        assertThrows(IllegalStateException.class, host::extensions);
        assertThrows(ConnectException.class, () -> Http.get(base.resolve("health")));
    }

    @Test
    void restartsOnTheSameHomeAfterClose() {
        Path home = DistributionHome.copyInto(temp);
        for (int run = 1; run <= 2; run++) {
            try (PalisadeHost host = Palisade.builder().home(home).port(0).start()) {
                assertTrue(host.ready());
                assertEquals(List.of(SAMPLE), host.extensions().stream().map(ExtensionInfo::name).toList(), "run " + run);
            }
        }
    }

    private static Path onlyJarIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), jars.toString());
            return jars.get(0);
        }
    }
}
