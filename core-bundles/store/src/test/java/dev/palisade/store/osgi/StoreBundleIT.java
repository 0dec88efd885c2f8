package dev.palisade.store.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

import dev.palisade.host.bridge.AuditCheck;
import dev.palisade.host.bridge.AuditReceipt;
import dev.palisade.host.bridge.DeploymentLog;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.GrantEntry;
import dev.palisade.host.bridge.GrantLedger;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.StartupReport;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.host.bridge.StoreStatus;
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
    private StartupReport startupReport;

    private Bundle boot(Map<String, String> properties) throws Exception {
        Map<String, String> config = new HashMap<>(properties);
        config.put("org.osgi.framework.storage", tmp.resolve("cache").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("org.osgi.framework.system.packages.extra", "dev.palisade.host.bridge;version=1.2.0");
        framework = new FrameworkFactory().newFramework(config);
        framework.init();
        if (startupReport != null) {
            framework.getBundleContext().registerService(StartupReport.class, startupReport, null);
        }
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
        assertEquals("2", ref.getProperty("palisade.store.schema"));
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

        // The bridge's StoreAdmin: the test shares the bridge classes with the framework (system bundle export).
        ServiceReference<StoreAdmin> adminRef = framework.getBundleContext().getServiceReference(StoreAdmin.class);
        assertNotNull(adminRef, "no StoreAdmin service");
        StoreAdmin admin = framework.getBundleContext().getService(adminRef);
        assertEquals(new StoreStatus(true, "H2", ref.getProperty("palisade.store.url").toString(), 0, null),
                withoutLatency(admin.status()));
        AuditReceipt receipt = admin.appendAudit("it", "admin.check", "t", Map.of("n", 2));
        assertEquals(2, receipt.seq());
        AuditCheck check = admin.verifyAudit();
        assertEquals(new AuditCheck(2, 2, null, null, "audit log intact: 2 entries, chain verified"), check);
        HostProblem tooLong = assertThrows(HostProblem.class, () -> admin.appendAudit("x".repeat(129), "a", null, null));
        assertEquals(400, tooLong.status());
        assertEquals("store-input", tooLong.type());
        assertEquals("[actor] is 129 characters long, at most 128 fit", tooLong.detail());

        // DeploymentLog and GrantLedger, for the extension module: one service object.
        ServiceReference<DeploymentLog> logRef = framework.getBundleContext().getServiceReference(DeploymentLog.class);
        DeploymentLog log = framework.getBundleContext().getService(logRef);
        DeploymentRecord attempt = new DeploymentRecord("a-1", Instant.parse("2026-11-22T01:02:03.123456Z"),
                DeploymentSource.REST, "x.jar", null, DeploymentOutcome.REFUSED, null, null, null, "[untrusted-signer] no");
        log.record(attempt);
        assertEquals(List.of(attempt), log.recent(10));
        HostProblem again = assertThrows(HostProblem.class, () -> log.record(attempt));
        assertEquals(409, again.status());
        assertEquals("store-conflict", again.type());
        GrantLedger grants = framework.getBundleContext().getService(
                framework.getBundleContext().getServiceReference(GrantLedger.class));
        GrantEntry granted = grants.grant("ext-1", "file.read", null, "ab12", "policy");
        assertEquals(List.of(granted), grants.of("ext-1"));
        assertEquals("", granted.target());
        assertEquals("ab12", granted.publisher());
        assertEquals(1, grants.revokeAll("ext-1"));

        // Stopping the bundle closes the store: the database opens again outside the framework.
        bundle.stop();
        try (Store reopened = Store.open(StoreConfig.h2In(data))) {
            assertEquals(2, reopened.audit().size());
        }
    }

    private static StoreStatus withoutLatency(StoreStatus s) {
        return new StoreStatus(s.up(), s.database(), s.url(), 0, s.problem());
    }

    @Test
    void anUnreachableDatabaseIsReportedToTheLaunchersStartupReport() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        startupReport = (component, reason) -> reports.add(component + ": " + reason);
        boot(Map.of(StoreConfig.URL, "jdbc:postgresql://127.0.0.1:1/palisade", StoreConfig.USER, "app",
                StoreConfig.FAIL_FAST_TIMEOUT, "PT1S"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reports.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of("store: cannot open the store: POSTGRESQL database jdbc:postgresql://127.0.0.1:1/palisade"
                + " as user app is unreachable (Connection to 127.0.0.1:1 refused. Check that the hostname and port are"
                + " correct and that the postmaster is accepting TCP/IP connections.); start the database or fix"
                + " palisade.db.url, palisade.db.user and PALISADE_DB_PASSWORD"), reports);
        assertNull(framework.getBundleContext().getServiceReference(StoreAdmin.class));
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
