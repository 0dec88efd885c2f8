package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.itests.escape.RunTimeAttempt.AttemptInput;
import dev.palisade.itests.escape.RunTimeAttempt.Caught;
import dev.palisade.itests.escape.hostile.Attack;
import dev.palisade.itests.escape.hostile.CapabilityHttpGet;
import dev.palisade.itests.escape.hostile.CapabilityRead;
import dev.palisade.itests.escape.hostile.CapabilitySecret;
import dev.palisade.itests.escape.hostile.CapabilityWrite;
import dev.palisade.itests.escape.hostile.CatchViolation;
import dev.palisade.itests.escape.hostile.CopyOut;
import dev.palisade.itests.escape.hostile.DeleteFile;
import dev.palisade.itests.escape.hostile.DnsLookup;
import dev.palisade.itests.escape.hostile.DnsSocketAddress;
import dev.palisade.itests.escape.hostile.FtpUrl;
import dev.palisade.itests.escape.hostile.HttpClientSend;
import dev.palisade.itests.escape.hostile.LaunderViolation;
import dev.palisade.itests.escape.hostile.ReadBooleanProperty;
import dev.palisade.itests.escape.hostile.ReadEnvironment;
import dev.palisade.itests.escape.hostile.ReadProperty;
import dev.palisade.itests.escape.hostile.ReadWithFileUrl;
import dev.palisade.itests.escape.hostile.ReadWithFiles;
import dev.palisade.itests.escape.hostile.ReadWithStream;
import dev.palisade.itests.escape.hostile.RenameFile;
import dev.palisade.itests.escape.hostile.SocketAddressConnect;
import dev.palisade.itests.escape.hostile.SocketConnect;
import dev.palisade.itests.escape.hostile.StartThread;
import dev.palisade.itests.escape.hostile.UrlOpenStream;
import dev.palisade.itests.escape.hostile.Witness;
import dev.palisade.itests.escape.hostile.WriteRandomAccess;
import dev.palisade.itests.escape.hostile.WriteWithFiles;

/**
 * Escape attempts that pass the install-time checks, because they use only JDK calls the weaving
 * hook guards, and are denied when they run: the call answers a problem naming the permission and
 * target, the denial is counted and audited even when the extension catches it, and nothing happened (see
 * {@link EscapeHost#assertNothingHappened}). Allowed variants prove that a granted permission
 * works. Every attempt is its own extension, so each is one denial below the quarantine threshold.
 */
class DeniedAtRunTimeIT extends SharedEscapeHost {

    private static final String UNKNOWN_HOST = "escape.palisade.invalid";

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void deniedAtRunTimeCountedAndNothingHappened(RunTimeAttempt attempt) throws Exception {
        HostileJar jar = attempt.jar().apply(escape);
        escape.deploy(jar);
        Map<String, Object> input = attempt.input().of(escape, jar);
        long before = escape.violations(jar.id());
        long audited = escape.auditEntries();

        Response answer = escape.attack(jar.name(), input);

        String target = attempt.target().apply(input);
        switch (attempt.caught()) {
            case NO -> escape.assertDenied(answer, jar, attempt.permission(), target);
            case HIDDEN -> {
                assertEquals(200, answer.status(), answer.body());
                assertEquals("nothing to see", answer.json().at("/output/result").asText());
            }
            case LAUNDERED -> {
                assertEquals(422, answer.status(), answer.body());
                assertEquals("upstream_unavailable", answer.json().path("code").asText(), answer.body());
            }
        }
        assertEquals(before + 1, escape.violations(jar.id()), "the denial was counted: " + answer.body());
        escape.assertAuditedSince(audited);
        escape.assertNothingHappened(attempt.name());
    }

    static Stream<RunTimeAttempt> attempts() {
        Function<Map<String, Object>, String> path = in -> in.get("path").toString();
        Function<Map<String, Object>, String> loopback = in -> "127.0.0.1:" + in.get("port");
        return Stream.of(
                denied("read-host-configuration", ReadWithFiles.class,
                        (host, jar) -> with(host, "path", host.home().resolve("etc/palisade.properties")),
                        "file.read", path),
                denied("read-trust-anchors-with-stream", ReadWithStream.class,
                        (host, jar) -> with(host, "path", firstFile(host.home().resolve("etc/trust"))),
                        "file.read", path),
                denied("read-canary-through-file-url", ReadWithFileUrl.class, (host, jar) -> host.input(),
                        "file.read", path),
                denied("write-outside-the-data-folder", WriteWithFiles.class,
                        (host, jar) -> with(host, "path", host.root().resolve("escaped-write")), "file.write", path),
                denied("plant-a-jar-in-deploy", WriteWithFiles.class,
                        (host, jar) -> with(host, "path", host.home().resolve("deploy/escaped-planted.jar")),
                        "file.write", path),
                denied("random-access-file-outside", WriteRandomAccess.class,
                        (host, jar) -> with(host, "path", host.root().resolve("escaped-random-access")),
                        "file.read", path),
                denied("delete-the-canary", DeleteFile.class, (host, jar) -> host.input(), "file.write", path),
                denied("rename-the-canary", RenameFile.class, (host, jar) -> {
                    Map<String, Object> in = host.input();
                    in.put("to", host.root().resolve("escaped-renamed").toString());
                    return in;
                }, "file.read", path),
                granted("copy-a-granted-file-out", CopyOut.class, "file.read", "**", (host, jar) -> {
                    Path data = Files.createDirectories(host.dataFolder(jar.id()));
                    Map<String, Object> in = with(host, "path", Files.writeString(data.resolve("mine.txt"), "mine"));
                    in.put("to", host.root().resolve("escaped-copy").toString());
                    return in;
                }, "file.write", in -> in.get("to").toString()),
                granted("dot-dot-out-of-a-granted-folder", ReadWithFiles.class, "file.read", "**",
                        (host, jar) -> with(host, "path", host.dataFolder(jar.id())
                                + "/../../../../etc/palisade.properties"),
                        "file.read", in -> real(in.get("path").toString())),
                granted("dot-dot-write-out-of-a-granted-folder", WriteWithFiles.class, "file.write", "**",
                        (host, jar) -> with(host, "path", host.dataFolder(jar.id()) + "/../../../../../escaped-dotdot"),
                        "file.write", in -> real(in.get("path").toString())),
                granted("symlink-in-granted-folder-to-the-canary", ReadWithFiles.class, "file.read", "**",
                        (host, jar) -> with(host, "path", link(host.dataFolder(jar.id()).resolve("link"), host.canary())),
                        "file.read", in -> escape.canary().toString()),
                granted("symlink-write-to-a-file-outside", WriteWithFiles.class, "file.write", "**",
                        (host, jar) -> with(host, "path", link(host.dataFolder(jar.id()).resolve("out"),
                                host.root().resolve("escaped-through-link"))),
                        "file.write", in -> escape.root().resolve("escaped-through-link").toString()),
                granted("symlinked-folder-out-of-granted-folder", WriteWithFiles.class, "file.write", "**",
                        (host, jar) -> with(host, "path", link(host.dataFolder(jar.id()).resolve("up"), host.root())
                                .resolve("escaped-through-folder-link")),
                        "file.write", in -> escape.root().resolve("escaped-through-folder-link").toString()),
                denied("socket-to-loopback", SocketConnect.class, (host, jar) -> host.input(), "net.connect", loopback),
                denied("socket-connect-to-loopback-address", SocketAddressConnect.class, (host, jar) -> host.input(),
                        "net.connect", in -> "localhost:" + in.get("port")),
                denied("http-client-to-loopback", HttpClientSend.class, (host, jar) -> host.input(), "net.connect",
                        loopback),
                denied("url-open-stream-to-loopback", UrlOpenStream.class, (host, jar) -> host.input(), "net.connect",
                        loopback),
                denied("ftp-url-to-loopback", FtpUrl.class, (host, jar) -> host.input(), "net.connect",
                        in -> "ftp://127.0.0.1:" + in.get("port") + "/escape"),
                granted("granted-host-other-port", SocketConnect.class, "net.connect", "127.0.0.1:1",
                        (host, jar) -> host.input(), "net.connect", loopback),
                denied("dns-lookup", DnsLookup.class, (host, jar) -> with(host, "name", UNKNOWN_HOST), "net.connect",
                        in -> UNKNOWN_HOST),
                denied("dns-through-socket-address", DnsSocketAddress.class,
                        (host, jar) -> with(host, "name", UNKNOWN_HOST), "net.connect", in -> UNKNOWN_HOST),
                denied("read-system-property", ReadProperty.class, (host, jar) -> with(host, "name", "user.home"),
                        "property.read", in -> "user.home"),
                denied("read-property-through-boolean", ReadBooleanProperty.class,
                        (host, jar) -> with(host, "name", "palisade.escape"), "property.read", in -> "palisade.escape"),
                denied("read-environment-variable", ReadEnvironment.class, (host, jar) -> with(host, "name", "PATH"),
                        "env.read", in -> "PATH"),
                denied("start-a-thread", StartThread.class, (host, jar) -> host.input(), "thread.create", in -> ""),
                granted("read-another-extensions-data", ReadWithFiles.class, "file.read", "**", (host, jar) -> {
                    Path theirs = Files.createDirectories(host.dataFolder(host.witnessId()));
                    return with(host, "path", Files.writeString(theirs.resolve("notes.txt"), "not yours"));
                }, "file.read", path),
                granted("capability-files-dot-dot", CapabilityRead.class, "file.read", "**",
                        (host, jar) -> with(host, "path", "../../../../etc/palisade.properties"), "file.read",
                        in -> escape.home().resolve("etc/palisade.properties").toString()),
                granted("capability-files-symlink", CapabilityRead.class, "file.read", "**", (host, jar) -> {
                    link(host.dataFolder(jar.id()).resolve("link"), host.canary());
                    return with(host, "path", "link");
                }, "file.read", in -> escape.canary().toString()),
                granted("capability-files-write-outside", CapabilityWrite.class, "file.write", "**",
                        (host, jar) -> with(host, "path", host.root().resolve("escaped-capability-write")),
                        "file.write", path),
                denied("capability-http-to-loopback", CapabilityHttpGet.class, (host, jar) -> host.input(),
                        "net.connect", loopback),
                denied("capability-secret", CapabilitySecret.class,
                        (host, jar) -> with(host, "name", "database-password"), "secret.read", in -> "database-password"),
                new RunTimeAttempt("catch-the-violation-to-hide-it", host -> HostileJar.of("escape-caught",
                        CatchViolation.class), (host, jar) -> host.input(), "file.write",
                        in -> escape.root().resolve("escaped-caught").toString(), Caught.HIDDEN),
                new RunTimeAttempt("launder-the-violation", host -> HostileJar.of("escape-laundered",
                        LaunderViolation.class), (host, jar) -> host.input(), "net.connect", loopback,
                        Caught.LAUNDERED));
    }

    private static RunTimeAttempt denied(String name, Class<? extends Attack> fixture, AttemptInput input,
            String permission, Function<Map<String, Object>, String> target) {
        return new RunTimeAttempt(name, host -> HostileJar.of("escape-" + name, fixture), input, permission, target,
                Caught.NO);
    }

    private static RunTimeAttempt granted(String name, Class<? extends Attack> fixture, String grantKind,
            String grantTarget, AttemptInput input, String permission, Function<Map<String, Object>, String> target) {
        AttemptInput withDataFolder = (host, jar) -> {
            Files.createDirectories(host.dataFolder(jar.id()));
            return input.of(host, jar);
        };
        return new RunTimeAttempt(name,
                host -> HostileJar.of("escape-" + name, fixture).permission(grantKind, grantTarget), withDataFolder,
                permission, target, Caught.NO);
    }

    private static Map<String, Object> with(EscapeHost host, String key, Object value) {
        Map<String, Object> input = host.input();
        input.put(key, value.toString());
        return input;
    }

    private static Path firstFile(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
    }

    /** Creates the symbolic link {@code link} to {@code target} (and the link's folder); returns the link. */
    private static Path link(Path link, Path target) throws Exception {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, target);
    }

    /** @return the path with {@code ..} resolved as the file system does (its folders exist) */
    private static String real(String path) {
        try {
            Path given = Path.of(path);
            Path parent = given.getParent().toRealPath();
            return parent.resolve(given.getFileName()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGrantedFileReadWorks() throws Exception {
        HostileJar jar = HostileJar.of("escape-allowed-read", ReadWithFiles.class).permission("file.read", "granted.txt");
        escape.deploy(jar);
        Path data = Files.createDirectories(escape.dataFolder(jar.id()));
        Path granted = Files.writeString(data.resolve("granted.txt"), "granted content");

        Response answer = escape.attack(jar.name(), with(escape, "path", granted));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("granted content", answer.json().at("/output/result").asText());
        assertEquals(0, escape.violations(jar.id()));
    }

    @Test
    void aGrantedFileReadThroughTheFilesCapabilityWorks() throws Exception {
        HostileJar jar = HostileJar.of("escape-allowed-capability-read", CapabilityRead.class)
                .permission("file.read", "granted.txt");
        escape.deploy(jar);
        Files.writeString(Files.createDirectories(escape.dataFolder(jar.id())).resolve("granted.txt"), "via capability");

        Response answer = escape.attack(jar.name(), with(escape, "path", "granted.txt"));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("via capability", answer.json().at("/output/result").asText());
        assertEquals(0, escape.violations(jar.id()));
    }

    @Test
    void aGrantedFileWriteWorksInsideTheDataFolderOnly() throws Exception {
        HostileJar jar = HostileJar.of("escape-allowed-write", WriteWithFiles.class).permission("file.write", "out.txt");
        escape.deploy(jar);
        Path out = Files.createDirectories(escape.dataFolder(jar.id())).resolve("out.txt");

        Response answer = escape.attack(jar.name(), with(escape, "path", out));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("owned", Files.readString(out));
        assertEquals(0, escape.violations(jar.id()));
    }

    @Test
    void aGrantedLoopbackPortIsReachedAndOnlyThatOne() throws Exception {
        try (LoopbackListener granted = new LoopbackListener()) {
            HostileJar jar = HostileJar.of("escape-allowed-connect", SocketConnect.class)
                    .permission("net.connect", "127.0.0.1:" + granted.port());
            escape.deploy(jar);
            Map<String, Object> input = escape.input();
            input.put("port", granted.port());

            Response answer = escape.attack(jar.name(), input);

            assertEquals(200, answer.status(), answer.body());
            assertEquals("connected", answer.json().at("/output/result").asText());
            assertEquals(1, granted.awaitAccepted(1, Duration.ofSeconds(5)));
            assertEquals(0, escape.violations(jar.id()));
            escape.assertNothingHappened("granted connect");
        }
    }

    @Test
    void aGrantedSystemPropertyIsRead() {
        JsonNode report = escape.witness();
        String tmpdir = report.path("property.java.io.tmpdir").asText();
        assertFalse(tmpdir.isEmpty(), report.toString());
        assertTrue(report.path("property.palisade.escape").isNull(), report.toString());
    }

    @Test
    void aPendingExtensionRunsNothingUntilApproved() throws Exception {
        HostileJar jar = HostileJar.of("escape-pending-writer", WriteWithFiles.class).permission("file.write", "**");
        JsonNode record = escape.upload(jar);
        assertTrue(record.path("reason").asText().startsWith("[pending-approval]"), record::toString);

        Response answer = escape.attack(jar.name(), with(escape, "path", escape.root().resolve("escaped-pending")));

        assertEquals(409, answer.status(), answer.body());
        assertEquals("urn:palisade:problem:extension-pending", answer.json().path("type").asText(), answer.body());
        escape.assertNothingHappened("pending extension");
    }

    @Test
    void requestedVersusGrantedIsShown() throws Exception {
        HostileJar jar = HostileJar.of("escape-shown-permissions", ReadWithFiles.class).permission("file.read", "a/**");
        escape.upload(jar);
        Response pending = escape.host().get("/api/v1/mplp/extensions/" + jar.id() + "/permissions");
        assertEquals(200, pending.status(), pending.body());
        assertEquals("a/**", pending.json().at("/pending/0/target").asText(), pending.body());
        escape.approve(jar);
        Response granted = escape.host().get("/api/v1/mplp/extensions/" + jar.id() + "/permissions");
        assertEquals("a/**", granted.json().at("/granted/0/target").asText(), granted.body());
        assertEquals(0, granted.json().path("pending").size(), granted.body());
    }
}
