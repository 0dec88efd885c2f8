package dev.palisade.sandbox.felix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.sandbox.weaving.fixtures.CatchViolation;
import dev.palisade.sandbox.weaving.fixtures.Connect;
import dev.palisade.sandbox.weaving.fixtures.ExitJvm;
import dev.palisade.sandbox.weaving.fixtures.Function2;
import dev.palisade.sandbox.weaving.fixtures.LoadHostClass;
import dev.palisade.sandbox.weaving.fixtures.PlainText;
import dev.palisade.sandbox.weaving.fixtures.PrivateLookup;
import dev.palisade.sandbox.weaving.fixtures.ReadFile;
import dev.palisade.sandbox.weaving.fixtures.ReadProperty;
import dev.palisade.sandbox.weaving.fixtures.RunProcess;
import dev.palisade.sandbox.weaving.fixtures.SetAccessible;
import dev.palisade.sandbox.weaving.fixtures.WriteFile;
import dev.palisade.sandbox.testing.TestJar;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * The sandbox in a real Felix: hooks registered by the host bundle before extensions install,
 * extension jars built in code, their classes woven as they load.
 */
class SandboxInFelixTest {

    private static final String VIOLATION = "dev.palisade.api.sandbox.SandboxViolation";

    @TempDir
    static Path dir;
    static SandboxFramework felix;

    @BeforeAll
    static void start() throws Exception {
        felix = new SandboxFramework(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        felix.close();
    }

    private static RuntimeException violation(Function<String, Object> code, String input) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> code.apply(input));
        assertEquals(VIOLATION, e.getClass().getName(), () -> "expected a violation, got " + e);
        return e;
    }

    @Test
    void grantedReadWorksUngrantedReadIsDeniedAndNothingIsRead() throws Exception {
        Bundle bundle = felix.installExtension("reader", ReadFile.class);
        Path data = felix.dataFolder("reader");
        Files.writeString(data.resolve("granted.txt"), "granted content");
        Path secret = Files.writeString(felix.data.resolve("secret.txt"), "secret content");
        felix.grant("reader", "file.read granted.txt");
        Function<String, Object> read = SandboxFramework.create(bundle, ReadFile.class);

        assertEquals("granted content", read.apply(data.resolve("granted.txt").toString()));
        RuntimeException e = violation(read, data.resolve("../secret.txt").toString());
        assertEquals("extension [reader], permission [file.read], target [" + secret + "]", e.getMessage());
        assertSame(felix.api.loadClass(VIOLATION), e.getClass(), "the API bundle's SandboxViolation");
        assertFalse(e.getMessage().contains("secret content"));
        assertEquals(List.of(e.getMessage()), felix.violations("reader"));
    }

    @Test
    void ungrantedWriteLeavesNoFile() throws Exception {
        Bundle bundle = felix.installExtension("writer", WriteFile.class, Function2.class);
        Path target = felix.dataFolder("writer").resolve("out.txt");
        RuntimeException e = violation(SandboxFramework.create(bundle, WriteFile.class), target.toString());
        assertEquals("extension [writer], permission [file.write], target [" + target + "]", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void ungrantedLoopbackPortGetsNoConnection() throws Exception {
        Bundle bundle = felix.installExtension("connector", Connect.class);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = countAccepts(server);
            String target = "127.0.0.1:" + server.getLocalPort();
            Function<String, Object> connect = SandboxFramework.create(bundle, Connect.class);
            RuntimeException e = violation(connect, target);
            assertEquals("extension [connector], permission [net.connect], target [" + target + "]", e.getMessage());
            Thread.sleep(300);
            assertEquals(0, accepted.get(), "no connection was made");

            felix.grant("connector", "net.connect " + target);
            assertEquals("connected", connect.apply(target));
            long deadline = System.currentTimeMillis() + 5000;
            while (accepted.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, accepted.get(), "the granted port was reached");
        }
    }

    private static AtomicInteger countAccepts(ServerSocket server) throws IOException {
        AtomicInteger accepted = new AtomicInteger();
        server.setSoTimeout(100);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    server.accept().close();
                    accepted.incrementAndGet();
                } catch (SocketTimeoutException idle) {
                    // keep listening
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return accepted;
    }

    @Test
    void ungrantedSystemPropertyIsDenied() throws Exception {
        Bundle bundle = felix.installExtension("props", ReadProperty.class);
        Function<String, Object> read = SandboxFramework.create(bundle, ReadProperty.class);
        RuntimeException e = violation(read, "user.home");
        assertEquals("extension [props], permission [property.read], target [user.home]", e.getMessage());
        felix.grant("props", "property.read java.*");
        assertEquals(System.getProperty("java.version"), read.apply("java.version"));
    }

    @Test
    void forbiddenCallsAreRefusedAtWeaveTimeAndTheHookStays() throws Exception {
        Bundle bundle = felix.installExtension("hostile", RunProcess.class, ExitJvm.class, SetAccessible.class,
                LoadHostClass.class, PrivateLookup.class, ReadFile.class);
        String[][] expectations = {
                {RunProcess.class.getName(), "java.lang.Runtime.exec(java.lang.String[]) [process.start]"},
                {ExitJvm.class.getName(), "java.lang.System.exit(int) [jvm.exit]"},
                {SetAccessible.class.getName(), "java.lang.reflect.Field.setAccessible(boolean) [reflection]"},
                {LoadHostClass.class.getName(), "java.lang.Class.forName(java.lang.String) [class.loader]"},
                {PrivateLookup.class.getName(), "java.lang.invoke.MethodHandles.privateLookupIn(java.lang.Class, "
                        + "java.lang.invoke.MethodHandles$Lookup) [method.handles]"}};
        for (String[] expected : expectations) {
            Throwable refused = assertThrows(Throwable.class, () -> bundle.loadClass(expected[0]), expected[0]);
            String messages = causes(refused);
            assertTrue(messages.contains("extension [hostile] class [" + expected[0] + "] is refused"), messages);
            assertTrue(messages.contains(expected[1]), messages);
        }
        // the hook was not deny-listed: the next class of the same bundle is still woven and guarded
        violation(SandboxFramework.create(bundle, ReadFile.class), felix.data.resolve("x").toString());
        assertTrue(felix.violations("hostile").size() == 1);
    }

    private static String causes(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    @Test
    void catchingTheViolationDoesNotHideItFromTheHost() throws Exception {
        Bundle bundle = felix.installExtension("sly", CatchViolation.class);
        Path target = felix.dataFolder("sly").resolve("nope.txt");
        assertEquals("caught file.read", SandboxFramework.create(bundle, CatchViolation.class).apply(target.toString()));
        assertEquals(List.of("extension [sly], permission [file.read], target [" + target + "]"), felix.violations("sly"));
    }

    @Test
    void theDecisionPointCannotBeInstalledTwice() {
        assertTrue(felix.secondInstall().startsWith("a sandbox policy is installed already"), felix.secondInstall());
    }

    @Test
    void bundlesThatAreNotExtensionsAreNotWoven() throws Exception {
        Bundle plain = felix.install(TestJar.plugin("test.not.an.extension", "1.0.0").addClass(ExitJvm.class), "plain");
        assertNotNull(plain.loadClass(ExitJvm.class.getName()), "loads unwoven (and is never called)");
    }

    @Test
    void extensionsWireOnlyToTheApi() throws Exception {
        Bundle asm = felix.install(TestJar.plugin("test.ext.asm", "1.0.0")
                .header("Import-Package", "dev.palisade.api.sandbox,org.objectweb.asm")
                .header(SandboxTestHost.EXTENSION_HEADER, "asm").addClass(PlainText.class), "asm");
        BundleException e = assertThrows(BundleException.class, asm::start);
        assertTrue(e.getMessage().contains("org.objectweb.asm"), e.getMessage());

        Bundle guard = felix.install(TestJar.plugin("test.ext.guard", "1.0.0")
                .header("Import-Package", "dev.palisade.sandbox.guard")
                .header(SandboxTestHost.EXTENSION_HEADER, "guard").addClass(PlainText.class), "guard");
        guard.start();
        assertEquals("ABC", SandboxFramework.create(guard, PlainText.class).apply("abc"),
                "the guard package its woven code needs resolves; naming it in code is refused by scan and weaver");
    }

    @Test
    void extensionsSeeOnlyThemselvesAndTheApi() throws Exception {
        Bundle bundle = felix.installExtension("looker", PlainText.class);
        bundle.start();
        Bundle[] seen = bundle.getBundleContext().getBundles();
        assertEquals(List.of("dev.palisade.api", "test.ext.looker"),
                Arrays.stream(seen).map(Bundle::getSymbolicName).sorted().toList());
        assertEquals(null, bundle.getBundleContext().getServiceReferences(Function.class.getName(), null),
                "the host's services are hidden");
        assertEquals(null, bundle.getBundleContext().getBundle(felix.host.getBundleId()));
    }

    @Test
    void fragmentsCannotAttachToExtensions() throws Exception {
        Bundle extension = felix.installExtension("hosting", PlainText.class);
        Bundle fragment = felix.install(TestJar.plugin("test.fragment", "1.0.0").header("Import-Package", null)
                .header("Fragment-Host", "test.ext.hosting"), "fragment");
        extension.start();
        assertEquals(Bundle.INSTALLED, fragment.getState(), "the fragment did not resolve against the extension");
    }
}
