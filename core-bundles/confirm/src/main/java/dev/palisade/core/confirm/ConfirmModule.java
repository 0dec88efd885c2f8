package dev.palisade.core.confirm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.host.bridge.ConfirmationGate;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.ProtocolObjects;
import jakarta.servlet.Servlet;

/**
 * Starts and stops the confirm module with its bundle. Activation migrates the module's tables, registers
 * the REST servlet ({@code /api/v1/mplp/confirmations/*}), the bridge's {@link ConfirmationGate} and the
 * module's {@link MetricSource}, and starts the expiry sweep on its own daemon thread
 * ({@code palisade-confirm-sweep}, every {@link ConfirmSettings#SWEEP_INTERVAL}); deactivation stops the
 * sweep and unregisters them.
 *
 * <p>The store's {@link ModuleDatabase} is static and mandatory. {@link LifecycleHooks} and
 * {@link PolicyDecisions} are optional and dynamic: without hooks, creations and decisions proceed
 * unhooked; without policies, every new confirmation waits for its approvers.
 */
@Component(immediate = true, service = {})
public final class ConfirmModule {

    private static final System.Logger LOG = System.getLogger(ConfirmModule.class.getName());

    @Reference
    private ModuleDatabase database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LifecycleHooks hooks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PolicyDecisions policies;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ScheduledExecutorService sweeper;

    @Activate
    void activate(BundleContext context) {
        ConfirmSettings settings = ConfirmSettings.from(context::getProperty);
        database.migrate("confirm", ConfirmModule.class.getClassLoader(), ConfirmService.SCRIPTS);
        ConfirmService service = new ConfirmService(database, () -> hooks, () -> policies, Clock.systemUTC());
        registrations.add(context.registerService(Servlet.class, new ConfirmationsServlet(service), properties(
                "osgi.http.whiteboard.servlet.pattern", ConfirmationsServlet.BASE + "/*",
                "osgi.http.whiteboard.servlet.name", "palisade-confirmations")));
        registrations.add(context.registerService(ConfirmationGate.class, service.confirmations(), null));
        registrations.add(context.registerService(MetricSource.class, service.counters(),
                properties(ProtocolObjects.MODULE_PROPERTY, "confirm")));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "palisade-confirm-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = settings.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> sweep(service), every, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        registrations.clear();
    }

    private static void sweep(ConfirmService service) {
        try {
            int expired = service.sweep();
            if (expired > 0) {
                LOG.log(System.Logger.Level.INFO, "expired " + expired + " overdue confirmation(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the confirmation expiry sweep failed (tried again in the next"
                    + " round): " + e.getMessage(), e);
        }
    }

    private static Dictionary<String, Object> properties(String... keysAndValues) {
        Hashtable<String, Object> out = new Hashtable<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
