package dev.palisade.sandbox.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File globs and path resolution on a real folder with links, as the guards use them. */
class FileMatchingTest {

    @TempDir
    Path temp;
    Path root;
    Path data;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        root = temp.toRealPath();
        data = Files.createDirectories(root.resolve("data/ext-1"));
        Files.createDirectories(data.resolve("reports/2025"));
        Files.writeString(data.resolve("reports/2025/q1.txt"), "q1");
        Files.writeString(data.resolve("notes.txt"), "notes");
        outside = Files.createDirectories(root.resolve("secret"));
        Files.writeString(outside.resolve("key.pem"), "key");
    }

    private Grants grants(String... reads) {
        return Grants.of(data, List.of(reads).stream().map(glob -> Permission.parse("file.read", glob)).toList());
    }

    private boolean mayRead(Grants grants, Path path) {
        Path resolved = RealPaths.resolve(path);
        assertEquals(resolved, grants.resolve(path), () -> "resolving " + path + " below the granted folders");
        return grants.mayRead(resolved);
    }

    @Test
    void relativeGlobsResolveInsideTheDataFolder() {
        Grants grants = grants("reports/**", "*.txt");
        assertTrue(mayRead(grants, data.resolve("reports/2025/q1.txt")));
        assertTrue(mayRead(grants, data.resolve("reports")));
        assertTrue(mayRead(grants, data.resolve("notes.txt")));
        assertFalse(mayRead(grants, data.resolve("other.csv")));
        assertFalse(mayRead(grants, data.resolve("sub/notes.txt")));
        assertFalse(mayRead(grants, data));
        assertFalse(mayRead(grants, outside.resolve("key.pem")));
    }

    @Test
    void singleStarAndQuestionMarkStayInOneSegment() {
        Grants grants = grants("reports/*/q?.txt");
        assertTrue(mayRead(grants, data.resolve("reports/2025/q1.txt")));
        assertFalse(mayRead(grants, data.resolve("reports/2025/q10.txt")));
        assertFalse(mayRead(grants, data.resolve("reports/2025/x/q1.txt")));
        assertFalse(mayRead(grants, data.resolve("reports/q1.txt")));
    }

    @Test
    void doubleStarInTheMiddleMatchesAnyDepth() {
        Grants grants = grants("reports/**/q1.txt");
        assertTrue(mayRead(grants, data.resolve("reports/q1.txt")));
        assertTrue(mayRead(grants, data.resolve("reports/2025/q1.txt")));
        assertTrue(mayRead(grants, data.resolve("reports/a/b/c/q1.txt")));
        assertFalse(mayRead(grants, data.resolve("reports/a/q2.txt")));
    }

    @Test
    void wholeDataFolder() {
        Grants grants = grants("**");
        assertTrue(mayRead(grants, data));
        assertTrue(mayRead(grants, data.resolve("x/y/z")));
        assertFalse(mayRead(grants, data.resolveSibling("ext-10/x")));
        assertFalse(mayRead(grants, data.getParent()));
    }

    @Test
    void globCharactersInTheLiteralPartAreLiteral() throws IOException {
        Path odd = Files.createDirectories(data.resolve("a.b+c(d)"));
        Grants grants = grants("a.b+c(d)/*");
        assertTrue(mayRead(grants, odd.resolve("f")));
        assertFalse(mayRead(grants, data.resolve("aXb+c(d)/f")));
    }

    @Test
    void dotDotIsResolvedBeforeTheCheck() {
        Grants grants = grants("reports/**");
        assertFalse(mayRead(grants, data.resolve("reports/../../../secret/key.pem")));
        assertTrue(mayRead(grants, data.resolve("reports/2025/../2025/q1.txt")));
        assertFalse(mayRead(grants, data.resolve("reports/..")));
    }

    @Test
    void symlinksAreFollowedBeforeTheCheck() throws IOException {
        Files.createSymbolicLink(data.resolve("reports/escape"), outside);
        Files.createSymbolicLink(data.resolve("reports/key-link.pem"), outside.resolve("key.pem"));
        Files.createSymbolicLink(data.resolve("reports/dangling"), outside.resolve("not-yet-there.txt"));
        Grants grants = grants("reports/**");
        assertFalse(mayRead(grants, data.resolve("reports/escape/key.pem")));
        assertFalse(mayRead(grants, data.resolve("reports/key-link.pem")));
        assertFalse(mayRead(grants, data.resolve("reports/dangling")), "a write through a dangling link lands outside");
        assertEquals(outside.resolve("not-yet-there.txt"), RealPaths.resolve(data.resolve("reports/dangling")));
    }

    @Test
    void namesWithLineBreaksAreMatchedLikeAnyOther() throws IOException {
        Path odd = Files.writeString(data.resolve("reports/line\nbreak.txt"), "odd");
        assertTrue(mayRead(grants("reports/**"), odd));
        assertTrue(mayRead(grants("reports/*.txt"), odd));
        assertTrue(mayRead(grants("*/line?break.txt"), odd));
        assertTrue(mayRead(grants("**"), odd));
    }

    @Test
    void resolvingForOpeningLeavesOnlyTheLastElementUnlooked() throws IOException {
        Files.createSymbolicLink(data.resolve("reports/escape"), outside);
        Path keyLink = Files.createSymbolicLink(data.resolve("reports/key-link.pem"), outside.resolve("key.pem"));
        Grants grants = grants("reports/**");
        assertEquals(keyLink, grants.resolveForOpening(keyLink), "a link in the last place is left to the open");
        assertEquals(outside.resolve("key.pem"), grants.resolveForOpening(data.resolve("reports/escape/key.pem")));
        assertEquals(outside.getParent(), grants.resolveForOpening(data.resolve("reports/escape/..")),
                "a last .. climbs from the link target");
        assertEquals(data.resolve("reports/2025/q1.txt"), grants.resolveForOpening(data.resolve("reports/./2025/q1.txt")));
        for (String path : List.of("reports/2025/q1.txt", "notes.txt", "reports/missing/new.txt", "reports/2025/..")) {
            assertEquals(RealPaths.resolve(data.resolve(path)), grants.resolveForOpening(data.resolve(path)), path);
        }
    }

    @Test
    void dotDotAfterALinkClimbsFromTheLinkTarget() throws IOException {
        Path deep = Files.createDirectories(outside.resolve("deep"));
        Files.createSymbolicLink(data.resolve("reports/deep"), deep);
        // reports/deep/.. is the link target's parent (outside), not reports/
        assertEquals(outside.resolve("key.pem"), RealPaths.resolve(data.resolve("reports/deep/../key.pem")));
        assertFalse(mayRead(grants("reports/**"), data.resolve("reports/deep/../key.pem")));
    }

    @Test
    void linkInsideTheGrantStaysAllowed() throws IOException {
        Files.createSymbolicLink(data.resolve("reports/latest"), data.resolve("reports/2025"));
        Files.createSymbolicLink(data.resolve("reports/relative"), Path.of("2025/q1.txt"));
        assertTrue(mayRead(grants("reports/**"), data.resolve("reports/latest/q1.txt")));
        assertTrue(mayRead(grants("reports/**"), data.resolve("reports/relative")));
    }

    @Test
    void linkedDataFolderAndAbsoluteGlobsAreCanonicalised() throws IOException {
        Path linkToData = Files.createSymbolicLink(root.resolve("data-link"), data);
        Grants viaLink = Grants.of(linkToData, List.of(Permission.parse("file.read", "notes.txt")));
        assertTrue(viaLink.mayRead(RealPaths.resolve(data.resolve("notes.txt"))));
        assertEquals(data.resolve("notes.txt"), viaLink.resolve(linkToData.resolve("notes.txt")));
        Grants absolute = Grants.of(data, List.of(Permission.parse("file.read", linkToData + "/reports/**")));
        assertTrue(absolute.mayRead(RealPaths.resolve(data.resolve("reports/2025/q1.txt"))));
    }

    @Test
    void aGrantedFolderCreatedAfterTheGrantIsResolvedAgainOnEveryAccess() throws IOException {
        Grants grants = Grants.of(data, List.of(Permission.parse("file.write", "later/**")));
        Files.createSymbolicLink(data.resolve("later"), outside);

        assertEquals(outside.resolve("key.pem"), grants.resolve(data.resolve("later/key.pem")));
        assertFalse(grants.mayWrite(grants.resolve(data.resolve("later/key.pem"))));
    }

    @Test
    void linkLoopsResolveToNothingAndAreNeverGranted() throws IOException {
        Files.createSymbolicLink(data.resolve("loop-a"), data.resolve("loop-b"));
        Files.createSymbolicLink(data.resolve("loop-b"), data.resolve("loop-a"));
        assertNull(RealPaths.resolve(data.resolve("loop-a/x")));
        assertFalse(grants("**").mayRead(RealPaths.resolve(data.resolve("loop-a/x"))));
    }

    @Test
    void writeDoesNotImplyRead() {
        Grants grants = Grants.of(data, List.of(Permission.parse("file.write", "out/**")));
        assertTrue(grants.mayWrite(RealPaths.resolve(data.resolve("out/new.txt"))));
        assertFalse(grants.mayRead(RealPaths.resolve(data.resolve("out/new.txt"))));
        assertFalse(grants.mayWrite(RealPaths.resolve(data.resolve("notes.txt"))));
    }

    @Test
    void rootGlob() {
        Grants grants = Grants.of(data, List.of(Permission.parse("file.read", "/**")));
        assertTrue(grants.mayRead(RealPaths.resolve(Path.of("/"))));
        assertTrue(grants.mayRead(RealPaths.resolve(outside.resolve("key.pem"))));
    }
}
