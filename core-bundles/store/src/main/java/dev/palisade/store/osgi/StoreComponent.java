package dev.palisade.store.osgi;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.palisade.host.bridge.DeploymentLog;
import dev.palisade.host.bridge.GrantLedger;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.StartupReport;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;
import dev.palisade.store.StoreException;

/**
 * Opens the store when the bundle starts and registers it, with the properties
 * {@code palisade.store.database} (H2 or POSTGRESQL), {@code palisade.store.url} (no password) and
 * {@code palisade.store.schema}: as {@code dev.palisade.store.Store} (private to this bundle's package
 * space, for the store's own tests), as the bridge's {@link StoreAdmin}, which the rest of the host
 * uses, as the bridge's {@link DeploymentLog} and {@link GrantLedger}, for the extension module, and as
 * the bridge's {@link ModuleDatabase}, for the protocol modules' own tables.
 * When the store cannot be opened, the one-line reason goes to the launcher's
 * {@link StartupReport} while the host starts (the launcher fails the start with it and prints it), or
 * to the log otherwise; the component then stays without services and the framework keeps running.
 */
@Component(immediate = true)
public final class StoreComponent {

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);
    private static final List<String> KEYS = List.of(StoreConfig.DATA_DIR, StoreConfig.URL, StoreConfig.USER,
            StoreConfig.POOL_MIN, StoreConfig.POOL_MAX, StoreConfig.POOL_ACQUIRE_TIMEOUT,
            StoreConfig.POOL_IDLE_TIMEOUT, StoreConfig.FAIL_FAST_TIMEOUT);

    private Store store;
    private ServiceRegistration<Store> registration;
    private ServiceRegistration<StoreAdmin> adminRegistration;
    private ServiceRegistration<?> recordsRegistration;
    private ServiceRegistration<ModuleDatabase> modulesRegistration;

    @Activate
    void activate(BundleContext context) {
        Map<String, String> settings = new HashMap<>();
        for (String key : KEYS) {
            String value = context.getProperty(key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        try {
            store = Store.open(StoreConfig.fromSettings(settings, System.getenv()));
        } catch (StoreException e) {
            if (!reported(context, e.getMessage())) {
                LOG.error(e.getMessage());
            }
            return; // no stack trace from SCR: the one line above says it all
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("palisade.store.database", store.kind().name());
        props.put("palisade.store.url", store.database());
        props.put("palisade.store.schema", store.schemaVersion());
        registration = context.registerService(Store.class, store, props);
        adminRegistration = context.registerService(StoreAdmin.class, new StoreAdminService(store), props);
        recordsRegistration = context.registerService(
                new String[] {DeploymentLog.class.getName(), GrantLedger.class.getName()}, new StoreRecordsService(store),
                props);
        modulesRegistration = context.registerService(ModuleDatabase.class, new ModuleDatabaseService(store), props);
        LOG.info("store open: {} {}, schema {}", store.kind(), store.database(), store.schemaVersion());
    }

    private static boolean reported(BundleContext context, String reason) {
        ServiceReference<StartupReport> ref = context.getServiceReference(StartupReport.class);
        StartupReport report = ref == null ? null : context.getService(ref);
        if (report == null) {
            return false;
        }
        try {
            return report.cannotStart("store", reason);
        } finally {
            context.ungetService(ref);
        }
    }

    @Deactivate
    void deactivate() {
        if (modulesRegistration != null) {
            modulesRegistration.unregister();
        }
        if (recordsRegistration != null) {
            recordsRegistration.unregister();
        }
        if (adminRegistration != null) {
            adminRegistration.unregister();
        }
        if (registration != null) {
            registration.unregister();
        }
        if (store != null) {
            store.close();
        }
    }
}
