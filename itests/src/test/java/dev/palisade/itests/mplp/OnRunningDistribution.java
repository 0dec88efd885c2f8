package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.itests.RunningDistribution;
import dev.palisade.itests.RunningDistribution.Response;

/**
 * Tests of the protocol modules' REST on one distribution, started in a temporary home before the test class's
 * first test (and before its own {@code @BeforeAll}) and stopped after its last. A class adds lines to
 * {@code etc/palisade.properties} with {@link HostProperties}. The fields are shared by the subclasses, so
 * test classes run one after another, as failsafe runs them here.
 */
abstract class OnRunningDistribution {

    @TempDir
    static Path temp;

    static RunningDistribution host;

    /** Lines appended to the copied home's {@code etc/palisade.properties} before the host starts. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface HostProperties {
        String[] value();
    }

    @BeforeAll
    static void startHost(TestInfo test) throws Exception {
        HostProperties extra = test.getTestClass().orElseThrow().getAnnotation(HostProperties.class);
        host = RunningDistribution.start(temp.resolve("home"), Map.of(), home -> {
            if (extra != null) {
                Files.writeString(home.resolve("etc/palisade.properties"),
                        "\n" + String.join("\n", extra.value()) + "\n", StandardOpenOption.APPEND);
            }
        });
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /** Asserts that {@code r} is a problem+json answer of {@code status} and {@code urn:palisade:problem:type}. */
    static void assertProblem(Response r, int status, String type) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType().split(";")[0], r.body());
        assertEquals("urn:palisade:problem:" + type, r.json().path("type").asText(), r.body());
    }
}
