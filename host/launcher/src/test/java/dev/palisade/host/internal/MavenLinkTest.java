package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MavenLinkTest {

    @Test
    void parsesGroupArtifactVersion() {
        MavenLink link = MavenLink.parse(" mvn:org.apache.felix/org.apache.felix.scr/2.2.18 ");
        assertEquals(new MavenLink("org.apache.felix", "org.apache.felix.scr", "2.2.18", "jar", null), link);
        assertEquals(Path.of("org/apache/felix/org.apache.felix.scr/2.2.18/org.apache.felix.scr-2.2.18.jar"), link.repositoryPath());
        assertEquals("mvn:org.apache.felix/org.apache.felix.scr/2.2.18", link.toString());
    }

    @Test
    void parsesTypeAndClassifier() {
        MavenLink link = MavenLink.parse("mvn:dev.palisade/palisade-features/0.1.0-SNAPSHOT/xml/features");
        assertEquals(Path.of("dev/palisade/palisade-features/0.1.0-SNAPSHOT/palisade-features-0.1.0-SNAPSHOT-features.xml"),
                link.repositoryPath());
        assertEquals("mvn:dev.palisade/palisade-features/0.1.0-SNAPSHOT/xml/features", link.toString());
    }

    @Test
    void anEmptyTypeMeansJar() {
        MavenLink link = MavenLink.parse("mvn:g/a/1//tests");
        assertEquals(new MavenLink("g", "a", "1", "jar", "tests"), link);
        assertEquals(Path.of("g/a/1/a-1-tests.jar"), link.repositoryPath());
    }

    @Test
    void typeWithoutClassifier() {
        assertEquals(Path.of("g/a/1/a-1.war"), MavenLink.parse("mvn:g/a/1/war").repositoryPath());
    }

    @Test
    void refusesOtherSchemes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("file:/x.jar"));
        assertEquals("bundle location [file:/x.jar] is not an mvn: link; write mvn:groupId/artifactId/version[/type[/classifier]]",
                e.getMessage());
    }

    @Test
    void refusesTooFewOrTooManySegments() {
        assertEquals("mvn link [mvn:g/a] has 2 segments; write mvn:groupId/artifactId/version[/type[/classifier]]",
                assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("mvn:g/a")).getMessage());
        assertEquals("mvn link [mvn:g/a/1/jar/c/x] has 6 segments; write mvn:groupId/artifactId/version[/type[/classifier]]",
                assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("mvn:g/a/1/jar/c/x")).getMessage());
    }

    @Test
    void refusesEmptySegments() {
        assertEquals("mvn link [mvn:g//1] has an empty artifactId; write mvn:groupId/artifactId/version[/type[/classifier]]",
                assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("mvn:g//1")).getMessage());
    }

    @Test
    void refusesRepositoryPrefixesRangesAndPathTricks() {
        assertEquals("mvn link [mvn:http://repo!g/a/1] has groupId [http:], which is not a plain name (letters, digits, '.', '-'"
                + " and '_', not starting with '.' or '-') (repository prefixes and version ranges are not supported)",
                assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("mvn:http://repo!g/a/1")).getMessage());
        assertEquals("mvn link [mvn:g/a/[1,2)] has version [[1,2)], which is not a plain name (letters, digits, '.', '-' and '_', not starting with '.' or '-')"
                + " (repository prefixes and version ranges are not supported)",
                assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("mvn:g/a/[1,2)")).getMessage());
        assertEquals("mvn link [mvn:g/../1] has artifactId [..], which is not a plain name (letters, digits, '.', '-' and '_',"
                + " not starting with '.' or '-') (repository prefixes and version ranges are not supported)",
                assertThrows(IllegalArgumentException.class, () -> MavenLink.parse("mvn:g/../1")).getMessage());
    }
}
