package dev.palisade.itests;

import java.nio.file.Path;

import dev.palisade.itests.fixtures.FailingConstructor;
import dev.palisade.itests.fixtures.VersionReporter;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;

/** Builds small extension jars around the {@code whoami} fixture, in good and broken variants. */
public final class ProbeJars {

    static final String REPORTER_CLASS = "dev/palisade/itests/fixtures/VersionReporter.class";

    private ProbeJars() {
    }

    /** @return the sample publisher, whose CA the distribution trusts */
    public static TestPublisher samplePublisher() {
        return TestPublisher.load(Path.of(System.getProperty("palisade.sample.keystore")),
                "palisade-sample".toCharArray(), "sample-publisher");
    }

    /** A jar whose entry class reports its name and version. */
    static TestJar reporter(String id, String name, String version) {
        return TestJar.plugin("dev.palisade.itests." + name, version)
                .descriptor(descriptor(id, name, version, VersionReporter.class.getName()))
                .addClass(VersionReporter.class);
    }

    /** A jar whose entry class throws from its constructor. */
    static TestJar failing(String id, String name, String version) {
        return TestJar.plugin("dev.palisade.itests." + name, version)
                .descriptor(descriptor(id, name, version, FailingConstructor.class.getName()))
                .addClass(FailingConstructor.class);
    }

    static String descriptor(String id, String name, String version, String entryPoint) {
        return """
            {"id": "%s", "name": "%s", "version": "%s", "type": "plugin",
             "interface": {"methods": ["whoami"],
               "input_schema": {"whoami": {"type": "object"}},
               "output_schema": {"whoami": {"type": "object", "required": ["name", "version"]}}},
             "implementation": {"runtime": "java", "entry_point": "%s"},
             "security": {"permissions": [], "sandbox_level": "basic"}}
            """.formatted(id, name, version, entryPoint);
    }
}
