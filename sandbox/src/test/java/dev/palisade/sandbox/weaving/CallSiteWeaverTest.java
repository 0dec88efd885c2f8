package dev.palisade.sandbox.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.policy.DecisionPoint;
import dev.palisade.sandbox.policy.SandboxPolicy;
import dev.palisade.sandbox.weaving.fixtures.CatchViolation;
import dev.palisade.sandbox.weaving.fixtures.Connect;
import dev.palisade.sandbox.weaving.fixtures.ExitJvm;
import dev.palisade.sandbox.weaving.fixtures.LoadHostClass;
import dev.palisade.sandbox.weaving.fixtures.MixedArguments;
import dev.palisade.sandbox.weaving.fixtures.PlainText;
import dev.palisade.sandbox.weaving.fixtures.PrivateLookup;
import dev.palisade.sandbox.weaving.fixtures.ReadFile;
import dev.palisade.sandbox.weaving.fixtures.ReadProperty;
import dev.palisade.sandbox.weaving.fixtures.RunProcess;
import dev.palisade.sandbox.weaving.fixtures.SetAccessible;
import dev.palisade.sandbox.weaving.fixtures.StartThread;
import dev.palisade.sandbox.weaving.fixtures.StreamFirstByte;
import dev.palisade.sandbox.weaving.fixtures.WriteFile;
import dev.palisade.sandbox.weaving.fixtures.DeleteOnCloseRead;
import dev.palisade.sandbox.weaving.fixtures.ZipOpenDelete;
import dev.palisade.sandbox.weaving.fixtures.ZipOpenRead;
import dev.palisade.sandbox.weaving.fixtures.ForgedName;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weaving and guards in one JVM, without a framework: woven fixtures run against the installed test policy. */
class CallSiteWeaverTest {

    @TempDir
    Path temp;
    Path data;
    String id;
    TestPolicy policy = TestPolicy.installed();
    WovenClasses woven;

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(temp.toRealPath().resolve("data"));
        id = "ext-" + System.nanoTime();
        woven = new WovenClasses(id);
    }

    private SandboxViolation denied(Class<?> fixture, String input) {
        Function<String, Object> code = woven.create(fixture);
        return assertThrows(SandboxViolation.class, () -> code.apply(input));
    }

    @Test
    void grantedReadWorksAndUngrantedReadIsDeniedAndRecorded() throws IOException {
        Files.writeString(data.resolve("in.txt"), "hello");
        Files.writeString(temp.resolve("secret.txt"), "secret");
        policy.grant(id, data, "file.read *.txt");
        assertEquals("hello", woven.create(ReadFile.class).apply(data.resolve("in.txt").toString()));

        SandboxViolation violation = denied(ReadFile.class, data.resolve("../secret.txt").toString());
        String target = temp.toRealPath().resolve("secret.txt").toString();
        assertEquals("extension [" + id + "], permission [file.read], target [" + target + "]", violation.getMessage());
        assertEquals(1, DecisionPoint.violations(id).count());
        assertEquals(target, DecisionPoint.violations(id).recent().get(0).target());
        assertTrue(policy.told.stream().anyMatch(told -> told.getMessage().equals(violation.getMessage())));
    }

    @Test
    void noGrantsDenyEverything() {
        assertEquals("file.read", denied(ReadFile.class, data.resolve("x").toString()).permission());
        assertEquals("file.read", denied(StreamFirstByte.class, data.resolve("x").toString()).permission());
        assertEquals("file.read", denied(MixedArguments.class, data.resolve("x").toString()).permission());
        assertEquals("property.read", denied(ReadProperty.class, "user.home").permission());
        assertEquals("thread.create", denied(StartThread.class, "").permission());
        assertEquals(5, DecisionPoint.violations(id).count());
    }

    @Test
    void deniedWriteLeavesNoFile() {
        Path target = data.resolve("out.txt");
        SandboxViolation violation = denied(WriteFile.class, target.toString());
        assertEquals("file.write", violation.permission());
        assertFalse(Files.exists(target));
        policy.grant(id, data, "file.write out.txt");
        assertEquals("ok", woven.create(WriteFile.class).apply(target.toString()));
        assertTrue(Files.exists(target));
    }

    @Test
    void constructorArgumentsBuiltWithBranchesAreGuarded() throws IOException {
        Files.write(data.resolve("b.bin"), new byte[] {42});
        policy.grant(id, data, "file.read b.bin");
        assertEquals(42, woven.create(StreamFirstByte.class).apply(data.resolve("b.bin").toString()));
    }

    @Test
    void wideArgumentsAndTwoArgumentGuardsKeepTheirValues() throws IOException {
        Files.writeString(data.resolve("five.txt"), "12345");
        policy.grant(id, data, "file.read five.txt", "property.read palisade.test.*");
        assertEquals("7:0.5:5:3:7", woven.create(MixedArguments.class).apply(data.resolve("five.txt").toString()));
    }

    @Test
    void propertiesNeedTheirName() {
        policy.grant(id, data, "property.read java.version");
        assertEquals(System.getProperty("java.version"), woven.create(ReadProperty.class).apply("java.version"));
        SandboxViolation violation = denied(ReadProperty.class, "user.home");
        assertEquals("extension [" + id + "], permission [property.read], target [user.home]", violation.getMessage());
    }

    @Test
    void loopbackConnectionNeedsItsPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                try {
                    server.setSoTimeout(200);
                    while (!server.isClosed()) {
                        try {
                            server.accept().close();
                            accepted.incrementAndGet();
                        } catch (SocketTimeoutException idle) {
                            // keep listening
                        }
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.start();
            String target = "127.0.0.1:" + server.getLocalPort();
            SandboxViolation violation = denied(Connect.class, target);
            assertEquals("extension [" + id + "], permission [net.connect], target [" + target + "]", violation.getMessage());
            Thread.sleep(300);
            assertEquals(0, accepted.get(), "no connection was made");

            policy.grant(id, data, "net.connect " + target);
            assertEquals("connected", woven.create(Connect.class).apply(target));
            long deadline = System.currentTimeMillis() + 5000;
            while (accepted.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, accepted.get());
            server.close();
            acceptor.join(5000);
        }
    }

    @Test
    void threadsNeedThreadCreate() {
        policy.grant(id, data, "thread.create");
        assertEquals("started", woven.create(StartThread.class).apply(""));
    }

    @Test
    void catchingTheViolationDoesNotHideIt() {
        assertEquals("caught file.read", woven.create(CatchViolation.class).apply(data.resolve("x").toString()));
        assertEquals(1, DecisionPoint.violations(id).count());
    }

    @Test
    void forbiddenClassesAreRefusedWithTheirSites() {
        CallSiteWeaver weaver = new CallSiteWeaver();
        for (Class<?> fixture : new Class<?>[] {RunProcess.class, ExitJvm.class, SetAccessible.class,
                LoadHostClass.class, PrivateLookup.class}) {
            ForbiddenCodeException e = assertThrows(ForbiddenCodeException.class,
                    () -> weaver.weave(WovenClasses.original(fixture.getName()), "x", name -> false), fixture.getName());
            assertTrue(e.getMessage().startsWith("extension [x] class [" + fixture.getName() + "] is refused: it uses "
                    + "what extensions may not use:\n  " + fixture.getName() + ".apply:"), e.getMessage());
        }
        ForbiddenCodeException exit = assertThrows(ForbiddenCodeException.class,
                () -> weaver.weave(WovenClasses.original(ExitJvm.class.getName()), "x", name -> false));
        assertEquals("extension [x] class [" + ExitJvm.class.getName() + "] is refused: it uses what extensions may "
                + "not use:\n  " + ExitJvm.class.getName() + ".apply:9 -> java.lang.System.exit(int) [jvm.exit]",
                exit.getMessage());
    }

    @Test
    void classesWithoutGuardedCallsAreLeftAlone() {
        assertNull(new CallSiteWeaver().weave(WovenClasses.original(PlainText.class.getName()), "x", name -> false));
        assertEquals("ABC", woven.create(PlainText.class).apply("abc"));
    }

    @Test
    void theDecisionPointTakesOnePolicyOnly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DecisionPoint.install(new SandboxPolicy() {
            @Override
            public dev.palisade.sandbox.permission.Grants grantsFor(String extensionId) {
                return dev.palisade.sandbox.permission.Grants.none();
            }
        }));
        assertTrue(e.getMessage().startsWith("a sandbox policy is installed already (" + TestPolicy.class.getName()
                + ")"), e.getMessage());
    }

    private Path zip(String name) throws IOException {
        Path path = data.resolve(name);
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(path))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write('a');
            out.closeEntry();
        }
        return path;
    }

    @Test
    void aReadGrantDoesNotLetZipFileOpenDeleteTheFile() throws IOException {
        Path victim = zip("victim.zip");
        policy.grant(id, data, "file.read *.zip");
        assertEquals(1, woven.create(ZipOpenRead.class).apply(victim.toString()), "a plain read mode is a read");

        SandboxViolation violation = denied(ZipOpenDelete.class, victim.toString());
        assertEquals("file.write", violation.permission());
        assertEquals(victim.toString(), violation.target());
        assertTrue(Files.exists(victim), "the read-only zip was deleted");
    }

    @Test
    void aReadGrantDoesNotLetDeleteOnCloseDeleteTheFile() throws IOException {
        Path victim = Files.writeString(data.resolve("victim.txt"), "read me");
        policy.grant(id, data, "file.read *.txt");

        SandboxViolation violation = denied(DeleteOnCloseRead.class, victim.toString());
        assertEquals("file.write", violation.permission());
        assertEquals(victim.toString(), violation.target());
        assertTrue(Files.exists(victim), "the read-only file was deleted");

        policy.grant(id, data, "file.read *.txt", "file.write *.txt");
        assertEquals((int) 'r', woven.create(DeleteOnCloseRead.class).apply(victim.toString()));
        assertFalse(Files.exists(victim), "with file.write, DELETE_ON_CLOSE works as the JDK documents");
    }

    @Test
    void aNameGrantDoesNotCoverAnAddressTheExtensionNamedItself() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String target = "partner.palisade.invalid:" + server.getLocalPort();
            policy.grant(id, data, "net.connect " + target);

            SandboxViolation violation = denied(ForgedName.class, target);
            assertEquals("extension [" + id + "], permission [net.connect], target [partner.palisade.invalid/127.0.0.1]",
                    violation.getMessage());
        }
    }
}
