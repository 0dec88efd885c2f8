package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.escape.hostile.Attack;
import dev.palisade.itests.escape.hostile.CleanerAction;
import dev.palisade.itests.escape.hostile.CommonPool;
import dev.palisade.itests.escape.hostile.ContextLoaderGet;
import dev.palisade.itests.escape.hostile.ContextLoaderSet;
import dev.palisade.itests.escape.hostile.CreateSymlink;
import dev.palisade.itests.escape.hostile.DefaultLocale;
import dev.palisade.itests.escape.hostile.DefaultTimeZone;
import dev.palisade.itests.escape.hostile.DynamicProxy;
import dev.palisade.itests.escape.hostile.EnvironmentMap;
import dev.palisade.itests.escape.hostile.ExecutorService;
import dev.palisade.itests.escape.hostile.ExitJvm;
import dev.palisade.itests.escape.hostile.FieldUpdater;
import dev.palisade.itests.escape.hostile.FileChannelWrite;
import dev.palisade.itests.escape.hostile.Finalizer;
import dev.palisade.itests.escape.hostile.ForNameIntoHost;
import dev.palisade.itests.escape.hostile.FrameworkUtilAccess;
import dev.palisade.itests.escape.hostile.GuardedMethodReference;
import dev.palisade.itests.escape.hostile.HaltJvm;
import dev.palisade.itests.escape.hostile.HiddenClass;
import dev.palisade.itests.escape.hostile.HostClassLoader;
import dev.palisade.itests.escape.hostile.JndiLookup;
import dev.palisade.itests.escape.hostile.LoadLibrary;
import dev.palisade.itests.escape.hostile.LoadNativeFile;
import dev.palisade.itests.escape.hostile.LookupFindStatic;
import dev.palisade.itests.escape.hostile.ObjectDeserialization;
import dev.palisade.itests.escape.hostile.OwnClassLoader;
import dev.palisade.itests.escape.hostile.ParallelStream;
import dev.palisade.itests.escape.hostile.PlainAttack;
import dev.palisade.itests.escape.hostile.PolicySwap;
import dev.palisade.itests.escape.hostile.PrivateLookup;
import dev.palisade.itests.escape.hostile.PropertiesTable;
import dev.palisade.itests.escape.hostile.ReflectiveExit;
import dev.palisade.itests.escape.hostile.ReplaceStdout;
import dev.palisade.itests.escape.hostile.RuntimeExec;
import dev.palisade.itests.escape.hostile.SecurityProperty;
import dev.palisade.itests.escape.hostile.ServiceLoaderLookup;
import dev.palisade.itests.escape.hostile.SetAccessibleOnHost;
import dev.palisade.itests.escape.hostile.SetSystemProperty;
import dev.palisade.itests.escape.hostile.ShutdownHook;
import dev.palisade.itests.escape.hostile.StackWalk;
import dev.palisade.itests.escape.hostile.StartProcess;
import dev.palisade.itests.escape.hostile.StreamHandlerFactory;
import dev.palisade.itests.escape.hostile.SupplyAsync;
import dev.palisade.itests.escape.hostile.TimerTask;
import dev.palisade.itests.escape.hostile.UncaughtHandler;
import dev.palisade.itests.escape.hostile.UnsafeMemory;
import dev.palisade.itests.escape.hostile.XmlDecoderGadget;

/**
 * Escape attempts the host refuses at deploy time, before any of their code is loaded: the
 * install-time bytecode scan ({@code [forbidden-call]}, naming the member and the never-granted
 * category), the manifest rules ({@code [forbidden-header]}, {@code [forbidden-import]}) and the
 * descriptor check, which refuses requests for never-granted permissions ({@code [invalid-descriptor]}). For
 * each: the deployment record is REFUSED with that reason, the extension is not listed, and
 * nothing happened (see {@link EscapeHost#assertNothingHappened}). The same code is refused again
 * at weave time should it ever reach the framework; the sandbox's Felix tests cover that layer.
 */
class RefusedAtDeployIT extends SharedEscapeHost {

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void refusedAtDeployAndNothingHappened(String attempt, Supplier<HostileJar> build, String code,
            List<String> named) throws Exception {
        HostileJar jar = build.get();
        JsonNode record = escape.upload(jar);

        assertEquals("REFUSED", record.path("outcome").asText(), record::toString);
        String reason = record.path("reason").asText();
        assertTrue(reason.startsWith("[" + code + "]"), reason);
        for (String expected : named) {
            assertTrue(reason.contains(expected), () -> "the reason does not name " + expected + ":\n" + reason);
        }
        JsonNode listed = escape.host().get("/api/v1/mplp/deployments").json();
        assertTrue(listed.toString().contains(jar.name() + ".jar"), "the refusal is in the deployment log");
        assertEquals(404, escape.host().get("/api/v1/mplp/extensions/" + jar.name()).status());
        escape.assertNothingHappened(attempt);
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                call("process-builder", StartProcess.class, "new java.lang.ProcessBuilder(java.lang.String[]) [process.start]"),
                call("runtime-exec", RuntimeExec.class, "java.lang.Runtime.exec(java.lang.String[]) [process.start]"),
                call("system-exit", ExitJvm.class, "java.lang.System.exit(int) [jvm.exit]"),
                call("runtime-halt", HaltJvm.class, "java.lang.Runtime.halt(int) [jvm.halt]"),
                call("set-system-property", SetSystemProperty.class,
                        "java.lang.System.setProperty(java.lang.String, java.lang.String) [jvm.global]"),
                call("system-properties-table", PropertiesTable.class, "java.lang.System.getProperties() [not-allowlisted]"),
                call("default-locale", DefaultLocale.class, "java.util.Locale.setDefault(java.util.Locale) [jvm.global]"),
                call("default-time-zone", DefaultTimeZone.class,
                        "java.util.TimeZone.setDefault(java.util.TimeZone) [jvm.global]"),
                call("replace-stdout", ReplaceStdout.class, "java.lang.System.setOut(java.io.PrintStream) [jvm.global]"),
                call("url-stream-handler-factory", StreamHandlerFactory.class,
                        "java.net.URL.setURLStreamHandlerFactory(java.net.URLStreamHandlerFactory) [jvm.global]"),
                call("shutdown-hook", ShutdownHook.class, "java.lang.Runtime.addShutdownHook(java.lang.Thread) [jvm.global]"),
                call("default-uncaught-handler", UncaughtHandler.class,
                        "java.lang.Thread.setDefaultUncaughtExceptionHandler(java.lang.Thread$UncaughtExceptionHandler)"
                                + " [jvm.global]"),
                call("security-property", SecurityProperty.class,
                        "java.security.Security.setProperty(java.lang.String, java.lang.String) [jvm.global]"),
                call("whole-environment", EnvironmentMap.class, "java.lang.System.getenv() [not-allowlisted]"),
                call("set-accessible-on-host-object", SetAccessibleOnHost.class,
                        "java.lang.reflect.Field.setAccessible(boolean) [reflection]"),
                call("reflective-exit", ReflectiveExit.class,
                        "java.lang.reflect.Method.invoke(java.lang.Object, java.lang.Object[]) [reflection]"),
                call("dynamic-proxy", DynamicProxy.class, "java.lang.reflect.Proxy.newProxyInstance(java.lang.ClassLoader,"
                        + " java.lang.Class[], java.lang.reflect.InvocationHandler) [reflection]"),
                call("atomic-field-updater", FieldUpdater.class,
                        "java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(java.lang.Class,"
                                + " java.lang.Class, java.lang.String) [reflection]"),
                call("stack-walker-classes", StackWalk.class,
                        "java.lang.StackWalker.getInstance(java.lang.StackWalker$Option) [reflection]"),
                call("method-handle-to-exit", LookupFindStatic.class,
                        "java.lang.invoke.MethodHandles$Lookup.findStatic(java.lang.Class, java.lang.String,"
                                + " java.lang.invoke.MethodType) [method.handles]"),
                call("private-lookup-in-host", PrivateLookup.class, "java.lang.invoke.MethodHandles.privateLookupIn("
                        + "java.lang.Class, java.lang.invoke.MethodHandles$Lookup) [method.handles]"),
                call("method-reference-to-guarded-call", GuardedMethodReference.class,
                        "java.lang.System.getProperty(java.lang.String) [method-reference]"),
                call("class-for-name-into-host", ForNameIntoHost.class,
                        "java.lang.Class.forName(java.lang.String) [class.loader]"),
                call("host-class-loader", HostClassLoader.class, "java.lang.Class.getClassLoader() [class.loader]"),
                call("own-class-loader-define-class", OwnClassLoader.class, "java.lang.ClassLoader [class.loader]"),
                call("hidden-class", HiddenClass.class, "java.lang.invoke.MethodHandles$Lookup.defineHiddenClass(byte[],"
                        + " boolean, java.lang.invoke.MethodHandles$Lookup$ClassOption[]) [method.handles]"),
                call("unsafe", UnsafeMemory.class, "sun.misc.Unsafe.allocateMemory(long) [native.code]"),
                call("load-library", LoadLibrary.class, "java.lang.System.loadLibrary(java.lang.String) [native.code]"),
                call("load-native-file", LoadNativeFile.class, "java.lang.System.load(java.lang.String) [native.code]"),
                call("executor-service", ExecutorService.class,
                        "java.util.concurrent.Executors.newSingleThreadExecutor() [thread.pool]"),
                call("common-pool", CommonPool.class, "java.util.concurrent.ForkJoinPool.commonPool() [thread.pool]"),
                call("completable-future-supply-async", SupplyAsync.class,
                        "java.util.concurrent.CompletableFuture.supplyAsync(java.util.function.Supplier) [thread.pool]"),
                call("parallel-stream", ParallelStream.class, "java.util.List.parallelStream() [thread.pool]"),
                call("timer", TimerTask.class, "new java.util.Timer(boolean) [thread.pool]"),
                call("cleaner", CleanerAction.class, "java.lang.ref.Cleaner.create() [thread.pool]"),
                call("context-class-loader-get", ContextLoaderGet.class,
                        "java.lang.Thread.getContextClassLoader() [class.loader]"),
                call("context-class-loader-set", ContextLoaderSet.class,
                        "java.lang.Thread.setContextClassLoader(java.lang.ClassLoader) [class.loader]"),
                call("service-loader", ServiceLoaderLookup.class, "java.util.ServiceLoader.load(java.lang.Class) [class.loader]"),
                call("object-input-stream", ObjectDeserialization.class,
                        "java.io.ObjectInputStream.readObject() [deserialization]"),
                call("xml-decoder-gadget", XmlDecoderGadget.class, "java.beans.XMLDecoder.readObject() [deserialization]"),
                call("jndi-ldap-lookup", JndiLookup.class, "javax.naming.InitialContext.lookup(java.lang.String) [jndi]"),
                call("framework-util-bundle-context", FrameworkUtilAccess.class,
                        "org.osgi.framework.FrameworkUtil.getBundle(java.lang.Class) [osgi.framework]",
                        "org.osgi.framework.Bundle.getBundleContext() [osgi.framework]"),
                call("finalizer", Finalizer.class,
                        "dev.palisade.itests.escape.hostile.Finalizer.finalize() [finalizer]"),
                call("swap-the-sandbox-policy", PolicySwap.class, "dev.palisade.sandbox.policy.DecisionPoint.install("
                        + "dev.palisade.sandbox.policy.SandboxPolicy) [sandbox.internals]"),
                call("file-channel-bypass", FileChannelWrite.class,
                        "java.nio.channels.FileChannel.open(java.nio.file.Path, java.nio.file.OpenOption[]) [unsupported]"),
                call("create-symlink-to-host-file", CreateSymlink.class, "java.nio.file.Files.createSymbolicLink("
                        + "java.nio.file.Path, java.nio.file.Path, java.nio.file.attribute.FileAttribute[]) [not-allowlisted]"),
                Arguments.of("exit-in-nested-library", (Supplier<HostileJar>) () -> HostileJar
                                .of("escape-exit-in-nested-library", PlainAttack.class)
                                .header("Bundle-ClassPath", ".,lib/helper.jar")
                                .entry("lib/helper.jar", jarOf(ExitJvm.class, Attack.class)),
                        "forbidden-call", List.of("java.lang.System.exit(int) [jvm.exit]")),
                requests("request-process-start", StartProcess.class, "process.start"),
                requests("request-reflection", SetAccessibleOnHost.class, "reflection"),
                manifest("framework-import", FrameworkUtilAccess.class, "Import-Package",
                        "dev.palisade.api.extension,org.osgi.framework", "forbidden-import", "org.osgi.framework"),
                manifest("fragment-of-the-api-bundle", PlainAttack.class, "Fragment-Host", "dev.palisade.api",
                        "forbidden-header", "Fragment-Host is not allowed"),
                manifest("dynamic-import-everything", ForNameIntoHost.class, "DynamicImport-Package", "*",
                        "forbidden-header", "DynamicImport-Package is not allowed"),
                manifest("require-framework-bundle", FrameworkUtilAccess.class, "Require-Bundle",
                        "org.apache.felix.framework", "forbidden-header", "Require-Bundle is not allowed"),
                manifest("native-code-header", LoadLibrary.class, "Bundle-NativeCode",
                        "lib/libpalisade-escape.so;osname=Linux", "forbidden-header", "Bundle-NativeCode is not allowed"),
                manifest("spi-fly-extender", ServiceLoaderLookup.class, "Require-Capability",
                        "osgi.extender;filter:=\"(osgi.extender=osgi.serviceloader.processor)\"", "forbidden-header",
                        "not osgi.extender"),
                manifest("export-a-fake-api", PlainAttack.class, "Export-Package", "dev.palisade.api.extension",
                        "forbidden-header", "Export-Package is not allowed"),
                manifest("provide-a-host-service", PlainAttack.class, "Provide-Capability",
                        "osgi.serviceloader;osgi.serviceloader=\"org.slf4j.spi.SLF4JServiceProvider\"",
                        "forbidden-header", "Provide-Capability is not allowed"));
    }

    private static Arguments call(String attempt, Class<? extends Attack> fixture, String... named) {
        Supplier<HostileJar> build = () -> HostileJar.of("escape-" + attempt, fixture);
        return Arguments.of(attempt, build, "forbidden-call", List.of(named));
    }

    private static Arguments manifest(String attempt, Class<? extends Attack> fixture, String header, String value,
            String code, String named) {
        Supplier<HostileJar> build = () -> HostileJar.of("escape-" + attempt, fixture).header(header, value);
        return Arguments.of(attempt, build, code, List.of(named));
    }

    private static Arguments requests(String attempt, Class<? extends Attack> fixture, String neverGranted) {
        Supplier<HostileJar> build = () -> HostileJar.of("escape-" + attempt, fixture).permission(neverGranted, null);
        return Arguments.of(attempt, build, "invalid-descriptor", List.of("/security/permissions/0", neverGranted));
    }

    /** @return a plain jar holding the class files of {@code types} */
    private static byte[] jarOf(Class<?>... types) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Class<?> type : types) {
                String path = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    jar.write(in.readAllBytes());
                }
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
