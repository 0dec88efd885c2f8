package dev.palisade.sandbox.felix;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.policy.DecisionPoint;
import dev.palisade.sandbox.testing.TestJar;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * A real Felix framework for the sandbox tests: ASM, the built API bundle and a test host bundle
 * made from the sandbox's classes (guard package exported, hooks registered and decision point
 * installed by {@link SandboxTestHost}) are installed and started; extensions are then installed
 * as jars built with {@link TestJar}.
 */
final class SandboxFramework implements AutoCloseable {

    static final String HOST_SYMBOLIC_NAME = "dev.palisade.sandbox.testhost";
    private static final List<String> HOST_PACKAGES = List.of("dev/palisade/sandbox/guard/", "dev/palisade/sandbox/policy/",
            "dev/palisade/sandbox/permission/", "dev/palisade/sandbox/weaving/", "dev/palisade/sandbox/isolation/",
            "dev/palisade/sandbox/scan/");

    final Path dir;
    final Path data;
    final Framework framework;
    final Bundle api;
    final Bundle host;
    final List<FrameworkEvent> errors = new CopyOnWriteArrayList<>();

    SandboxFramework(Path dir) throws Exception {
        this.dir = dir;
        this.data = Files.createDirectories(dir.resolve("data")).toRealPath();
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", dir.resolve("felix-cache").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("felix.bootdelegation.implicit", "false");
        config.put("felix.log.level", "1");
        config.put("palisade.test.data", data.toString());
        framework = new FrameworkFactory().newFramework(config);
        framework.init();
        framework.getBundleContext().addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
                errors.add(event);
            }
        });
        framework.start();
        BundleContext context = framework.getBundleContext();
        context.installBundle(location(ClassReader.class).toUri().toString()).start();
        context.installBundle(location(ClassNode.class).toUri().toString()).start();
        api = context.installBundle(apiBundle().toUri().toString());
        api.start();
        host = context.installBundle(hostBundle().toUri().toString());
        host.start();
    }

    /** Installs an extension bundle (marked with its id) holding {@code classes}, and resolves it. */
    Bundle installExtension(String id, Class<?>... classes) throws BundleException {
        TestJar jar = TestJar.plugin("test.ext." + id, "1.0.0").header("Import-Package", "dev.palisade.api.sandbox")
                .header(SandboxTestHost.EXTENSION_HEADER, id);
        for (Class<?> type : classes) {
            jar.addClass(type);
        }
        return install(jar, id);
    }

    Bundle install(TestJar jar, String name) throws BundleException {
        Path file = jar.writeTo(dir.resolve(name + "-" + System.nanoTime() + ".jar"));
        Bundle bundle = framework.getBundleContext().installBundle(file.toUri().toString());
        return bundle;
    }

    @SuppressWarnings("unchecked")
    static Function<String, Object> create(Bundle bundle, Class<?> fixture) throws Exception {
        return (Function<String, Object>) bundle.loadClass(fixture.getName()).getConstructor().newInstance();
    }

    void grant(String extensionId, String... permissions) {
        BiConsumer<String, List<String>> grant = service(BiConsumer.class, "grant");
        grant.accept(extensionId, List.of(permissions));
    }

    Path dataFolder(String extensionId) throws IOException {
        return Files.createDirectories(data.resolve(extensionId));
    }

    List<String> violations(String extensionId) {
        Function<String, List<String>> violations = service(Function.class, "violations");
        return violations.apply(extensionId);
    }

    String secondInstall() {
        Supplier<String> secondInstall = service(Supplier.class, "second-install");
        return secondInstall.get();
    }

    @SuppressWarnings("unchecked")
    private <T> T service(Class<?> type, String role) {
        try {
            BundleContext context = framework.getBundleContext();
            ServiceReference<?>[] references = context.getServiceReferences(type.getName(), "(palisade.test=" + role + ")");
            if (references == null) {
                throw new IllegalStateException("the test host registered no " + role + " service");
            }
            return (T) context.getService(references[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The built API bundle: its jar, or its classes folder (with the bnd manifest) packed into a jar. */
    private Path apiBundle() throws Exception {
        Path location = location(SandboxViolation.class);
        if (Files.isRegularFile(location)) {
            return location;
        }
        return pack(location, dir.resolve("palisade-api.jar"), null, path -> true);
    }

    /** The sandbox's runtime packages and the test activator, as one bundle exporting the guard package. */
    private Path hostBundle() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", HOST_SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", SandboxTestHost.class.getName());
        main.putValue("Export-Package", "dev.palisade.sandbox.guard;version=\"1.0.0\"");
        main.putValue("Import-Package", "org.osgi.framework,org.osgi.framework.hooks.weaving,"
                + "org.osgi.framework.hooks.resolver,org.osgi.framework.hooks.bundle,org.osgi.framework.hooks.service,"
                + "org.osgi.framework.wiring,org.osgi.framework.namespace,org.objectweb.asm,org.objectweb.asm.tree,"
                + "dev.palisade.api.sandbox");
        Path jar = pack(location(DecisionPoint.class), dir.resolve("sandbox-host.jar"), manifest,
                entry -> HOST_PACKAGES.stream().anyMatch(entry::startsWith)
                        || entry.matches("dev/palisade/sandbox/[A-Za-z]+\\.class"));
        return jar;
    }

    private Path pack(Path classes, Path jar, Manifest manifest, java.util.function.Predicate<String> include)
            throws IOException {
        Manifest effective = manifest;
        if (effective == null) {
            try (var in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
                effective = new Manifest(in);
            }
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, effective);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF") || !include.test(name)) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            if (manifest != null) {
                Path testClasses = location(SandboxTestHost.class);
                String prefix = SandboxTestHost.class.getName().replace('.', '/');
                try (Stream<Path> activator = Files.walk(testClasses.resolve(prefix).getParent())) {
                    for (Path file : activator.filter(f -> testClasses.relativize(f).toString().startsWith(prefix)).toList()) {
                        zip.putNextEntry(new JarEntry(testClasses.relativize(file).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(file));
                        zip.closeEntry();
                    }
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        return jar;
    }
}
