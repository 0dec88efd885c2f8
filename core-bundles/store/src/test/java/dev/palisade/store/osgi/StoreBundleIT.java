package dev.palisade.store.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;

/**
 * The built bundle in a real Felix with SCR, SLF4J and Jackson as the distribution has them: it
 * resolves with its embedded JDBC stack, Flyway migrates from the bundle's class loader, and the
 * component registers a working store.
 */
class StoreBundleIT {

    private static final List<String> SUPPORT = List.of("bundle.function", "bundle.promise", "bundle.component",
            "bundle.scr", "bundle.asm", "bundle.asm.tree", "bundle.asm.analysis", "bundle.asm.commons",
            "bundle.asm.util", "bundle.spifly", "bundle.slf4j", "bundle.slf4j.simple",
            "bundle.jackson.annotations", "bundle.jackson.core", "bundle.jackson.databind");

    @TempDir
    Path tmp;

    private Framework framework;

    private Bundle boot(Map<String, String> properties) throws Exception {
        Map<String, String> config = new HashMap<>(properties);
        config.put("org.osgi.framework.storage", tmp.resolve("cache").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("org.osgi.framework.system.packages.extra", "dev.palisade.host.bridge;version=1.0.0");
        framework = new FrameworkFactory().newFramework(config);
        framework.init();
        List<Bundle> installed = new ArrayList<>();
        for (String key : SUPPORT) {
            installed.add(framework.getBundleContext().installBundle(location(key)));
        }
        Bundle store = framework.getBundleContext().installBundle(location("store.bundle"));
        framework.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get("Fragment-Host") == null) {
                b.start();
            }
        }
        store.start();
        return store;
    }

    private static String location(String key) {
        String path = System.getProperty(key);
        assertNotNull(path, "system property " + key + " (set by the POM)");
        return new File(path).toURI().toString();
    }

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void theBundleOpensTheEmbeddedDatabaseAndRegistersAWorkingStore() throws Exception {
        Path data = tmp.resolve("data");
        Bundle bundle = boot(Map.of(StoreConfig.DATA_DIR, data.toString()));
        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertEquals("", String.valueOf(bundle.getHeaders().get("Export-Package")).replace("null", ""));

        ServiceReference<?> ref = awaitStore();
        assertNotNull(ref, "no dev.palisade.store.Store service within 20 s");
        assertEquals("H2", ref.getProperty("palisade.store.database"));
        assertEquals("1", ref.getProperty("palisade.store.schema"));
        assertTrue(Files.isRegularFile(data.resolve("db/palisade.mv.db")));

        // Use it through the bundle's own classes.
        Object store = framework.getBundleContext().getService(ref);
        Object audit = store.getClass().getMethod("audit").invoke(store);
        Class<?> eventType = bundle.loadClass("dev.palisade.store.audit.AuditEvent");
        Constructor<?> newEvent = eventType.getConstructor(String.class, String.class, String.class, Map.class);
        Method append = audit.getClass().getMethod("append", eventType);
        append.invoke(audit, newEvent.newInstance("it", "osgi.check", null, Map.of("ok", true)));
        Object verification = audit.getClass().getMethod("verify").invoke(audit);
        assertEquals(true, verification.getClass().getMethod("intact").invoke(verification));

        // Stopping the bundle closes the store: the database opens again outside the framework.
        bundle.stop();
        try (Store reopened = Store.open(StoreConfig.h2In(data))) {
            assertEquals(1, reopened.audit().size());
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheComponentNotTheFramework() throws Exception {
        Bundle bundle = boot(Map.of(StoreConfig.URL, "jdbc:postgresql://127.0.0.1:1/palisade",
                StoreConfig.FAIL_FAST_TIMEOUT, "PT1S"));
        assertEquals(Bundle.ACTIVE, bundle.getState());
        TimeUnit.SECONDS.sleep(3);
        assertNull(storeServices());
        assertEquals(Bundle.ACTIVE, framework.getState());
    }

    /** All, not only those whose class the test's own loader shares: the test has its own copy of Store. */
    private ServiceReference<?>[] storeServices() {
        try {
            return framework.getBundleContext().getAllServiceReferences("dev.palisade.store.Store", null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServiceReference<?> awaitStore() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = storeServices();
            if (refs != null) {
                return refs[0];
            }
            Thread.sleep(100);
        }
        return null;
    }
}
