package dev.palisade.store.osgi;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;
import dev.palisade.store.StoreException;

/**
 * Opens the store when the bundle starts and registers it as a {@code dev.palisade.store.Store}
 * service with the properties {@code palisade.store.database} (H2 or POSTGRESQL),
 * {@code palisade.store.url} (no password) and {@code palisade.store.schema}. When the store cannot be
 * opened, logs one line and fails activation; the framework keeps running.
 */
@Component(immediate = true)
public final class StoreComponent {

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);
    private static final List<String> KEYS = List.of(StoreConfig.DATA_DIR, StoreConfig.URL, StoreConfig.USER,
            StoreConfig.POOL_MIN, StoreConfig.POOL_MAX, StoreConfig.POOL_ACQUIRE_TIMEOUT,
            StoreConfig.POOL_IDLE_TIMEOUT, StoreConfig.FAIL_FAST_TIMEOUT);

    private Store store;
    private ServiceRegistration<Store> registration;

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
            LOG.error(e.getMessage());
            throw e;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("palisade.store.database", store.kind().name());
        props.put("palisade.store.url", store.database());
        props.put("palisade.store.schema", store.schemaVersion());
        registration = context.registerService(Store.class, store, props);
        LOG.info("store open: {} {}, schema {}", store.kind(), store.database(), store.schemaVersion());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (store != null) {
            store.close();
        }
    }
}
