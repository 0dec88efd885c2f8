package dev.palisade.sandbox.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.scan.fixtures.ForbiddenCalls;
import dev.palisade.sandbox.scan.fixtures.GuardedCalls;
import dev.palisade.sandbox.scan.fixtures.MethodReference;
import dev.palisade.sandbox.scan.fixtures.OrdinaryCode;
import dev.palisade.sandbox.scan.fixtures.SneakyClasses;
import dev.palisade.sandbox.scan.fixtures.TouchesSandbox;
import dev.palisade.sandbox.testing.TestJar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BytecodeScannerTest {

    private static final BytecodeScanner SCANNER = new BytecodeScanner();

    @TempDir
    Path dir;

    private ScanReport scan(Class<?>... classes) throws IOException {
        TestJar jar = TestJar.plugin("com.example.scan", "1.0.0");
        for (Class<?> type : classes) {
            jar.addClass(type);
        }
        try (JarFile file = new JarFile(jar.writeTo(dir.resolve("scan.jar")).toFile())) {
            return SCANNER.scan(file);
        }
    }

    private static List<String> summary(ScanReport report) {
        return report.rows().stream()
                .map(row -> row.method() + " -> " + row.member() + " " + row.verdict() + " [" + row.permission() + "]")
                .collect(Collectors.toList());
    }

    @Test
    void ordinaryJdkUseHasNoSensitiveSite() throws IOException {
        ScanReport report = scan(OrdinaryCode.class);
        assertEquals(List.of(), summary(report));
        assertTrue(report.classes() >= 5, "nested record, enum, exception and helper classes are scanned too");
        report.requireNoForbiddenCalls();
    }

    @Test
    void guardedCallsAreListedWithThePermissionTheyNeed() throws IOException {
        ScanReport report = scan(GuardedCalls.class);
        assertEquals(List.of(
                "read -> java.nio.file.Files.readString(java.nio.file.Path) guarded [file.read]",
                "stream -> new java.io.FileInputStream(java.lang.String) guarded [file.read]",
                "write -> java.nio.file.Files.writeString(java.nio.file.Path, java.lang.CharSequence, "
                        + "java.nio.file.OpenOption[]) guarded [file.write]",
                "connect -> new java.net.Socket(java.lang.String, int) guarded [net.connect]",
                "property -> java.lang.System.getProperty(java.lang.String) guarded [property.read]",
                "thread -> new java.lang.Thread(java.lang.Runnable) guarded [thread.create]",
                "thread -> java.lang.Thread.start() guarded [thread.create]"), summary(report));
        assertEquals(List.of("file.read", "file.write", "net.connect", "property.read", "thread.create"),
                List.copyOf(report.permissionsNeeded()));
        assertTrue(report.rows().stream().allMatch(row -> row.line() > 0), "every row has its line");
        report.requireNoForbiddenCalls();
    }

    @Test
    void forbiddenCallsRefuseTheJarWithEachSite() throws IOException {
        ScanReport report = scan(ForbiddenCalls.class);
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, report::requireNoForbiddenCalls);
        assertEquals(RefusalReason.FORBIDDEN_CALL, e.reason());
        String c = "dev.palisade.sandbox.scan.fixtures.ForbiddenCalls";
        assertEquals("the jar's code uses what extensions may not use (10 sites):\n"
                + "  " + c + ".exec:12 -> java.lang.Runtime.exec(java.lang.String) [process.start]\n"
                + "  " + c + ".exit:16 -> java.lang.System.exit(int) [jvm.exit]\n"
                + "  " + c + ".reflect:20 -> java.lang.Class.getDeclaredField(java.lang.String) [reflection]\n"
                + "  " + c + ".reflect:21 -> java.lang.reflect.Field.setAccessible(boolean) [reflection]\n"
                + "  " + c + ".load:25 -> java.lang.Class.forName(java.lang.String) [class.loader]\n"
                + "  " + c + ".lookup:29 -> java.lang.invoke.MethodHandles.lookup() [method.handles]\n"
                + "  " + c + ".lookup:29 -> java.lang.invoke.MethodHandles.privateLookupIn(java.lang.Class, "
                + "java.lang.invoke.MethodHandles$Lookup) [method.handles]\n"
                + "  " + c + ".pool:33 -> java.util.concurrent.Executors.newSingleThreadExecutor() [thread.pool]\n"
                + "  " + c + ".pool:33 -> java.util.concurrent.ExecutorService.submit(java.lang.Runnable) [thread.pool]\n"
                + "  " + c + ".property:37 -> java.lang.System.setProperty(java.lang.String, java.lang.String) "
                + "[jvm.global]\n"
                + "process.start: never granted: starting an operating-system process escapes every other check\n"
                + "jvm.exit: never granted: exiting the JVM stops the host and every other extension\n"
                + "reflection: never granted: reflection reaches private state of host objects and bypasses call-site "
                + "checks\n"
                + "class.loader: never granted: class loaders and context class loaders lead into the host's classes\n"
                + "method.handles: never granted: method handles and lookups call members the sandbox cannot see at "
                + "install time\n"
                + "thread.pool: never granted: executors, timers, the common pool and parallel streams run code outside "
                + "the invocation's time limit and accounting\n"
                + "jvm.global: never granted: changing JVM-wide state (system properties, default locale or time zone, "
                + "standard streams, factories, handlers, security providers) affects the host and every other "
                + "extension\n"
                + "remove these uses from the extension (and the libraries it packs) and rebuild the jar", e.detail());
    }

    @Test
    void methodReferencesToGuardedMembersAreRefusedButLambdasAreGuarded() throws IOException {
        assertEquals(List.of(
                "sizes -> java.io.File.length() forbidden [method-reference]",
                "lambda$sizes$0 -> java.io.File.exists() guarded [file.read]"), summary(scan(MethodReference.class)));
    }

    @Test
    void classLevelRefusals() throws IOException {
        assertEquals(List.of(
                "<class> -> java.lang.Thread forbidden [not-extensible]",
                "<init> -> new java.lang.Thread() guarded [thread.create]",
                "finalize -> dev.palisade.sandbox.scan.fixtures.SneakyClasses$Finalizing.finalize() forbidden [finalizer]",
                "count -> java.util.List.parallelStream() forbidden [thread.pool]"),
                summary(scan(SneakyClasses.class)).stream().sorted(BytecodeScannerTest::byClassOrder).toList());
    }

    private static int byClassOrder(String a, String b) {
        return Integer.compare(order(a), order(b));
    }

    private static int order(String row) {
        return row.startsWith("<class>") ? 0 : row.startsWith("<init>") ? 1 : row.startsWith("finalize") ? 2 : 3;
    }

    @Test
    void referencingTheSandboxIsRefused() throws IOException {
        assertEquals(List.of(
                "grants -> dev.palisade.sandbox.permission.Grants.none() forbidden [sandbox.internals]",
                "grants -> dev.palisade.sandbox.permission.Grants forbidden [sandbox.internals]"),
                summary(scan(TouchesSandbox.class)));
    }

    @Test
    void reportIsJsonFriendly() throws IOException {
        ScanReport report = scan(GuardedCalls.class);
        var json = report.toJson();
        assertEquals(1, json.get("classes"));
        assertEquals(7, json.get("guarded"));
        assertEquals(0, json.get("forbidden"));
        @SuppressWarnings("unchecked")
        var first = ((List<java.util.Map<String, Object>>) json.get("rows")).get(0);
        assertEquals(List.of("class", "method", "line", "kind", "member", "verdict", "permission", "reason"),
                List.copyOf(first.keySet()));
        assertEquals("dev.palisade.sandbox.scan.fixtures.GuardedCalls", first.get("class"));
        assertEquals("call", first.get("kind"));
    }

    @Test
    void unreadableClassFilesAreRefused() throws IOException {
        Path jar = TestJar.plugin("com.example.scan", "1.0.0").entry("com/example/Broken.class", new byte[] {1, 2, 3})
                .writeTo(dir.resolve("broken.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            ScanReport report = SCANNER.scan(file);
            assertEquals(1, report.forbidden().size());
            assertTrue(report.forbidden().get(0).reason().startsWith("the class file cannot be read"),
                    report.forbidden().get(0).reason());
        }
    }

    @Test
    void classesOfNestedJarsAreScanned() throws IOException {
        Path inner = TestJar.plugin("inner", "1.0.0").addClass(ForbiddenCalls.class).writeTo(dir.resolve("inner.jar"));
        Path outer = TestJar.plugin("com.example.scan", "1.0.0")
                .entry("lib/inner.jar", java.nio.file.Files.readAllBytes(inner)).writeTo(dir.resolve("outer.jar"));
        try (JarFile file = new JarFile(outer.toFile())) {
            ScanReport report = SCANNER.scan(file);
            assertEquals(1, report.classes());
            assertEquals(10, report.forbidden().size());
        }
    }

    static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
