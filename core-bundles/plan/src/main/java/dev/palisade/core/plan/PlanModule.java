package dev.palisade.core.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.core.plan.rest.PlansServlet;
import dev.palisade.core.plan.store.PlanRepository;
import dev.palisade.host.bridge.AdapterCalls;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.PlanExecutions;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.protocol.Counters;
import jakarta.servlet.Servlet;

/**
 * Starts and stops the plan module with its bundle. Activation migrates the module's tables, then
 * registers the REST servlet ({@code /api/v1/mplp/plans/*}), the bridge's {@link ProtocolObjects} with
 * {@code mplp.module=plan} (the stored plan as {@code GET /plans/{id}} answers it) and the module's
 * {@link MetricSource}; deactivation unregisters them. Registrations name bridge or servlet types only.
 *
 * <p>The store's {@link ModuleDatabase} is static and mandatory: the module starts after the store and stops
 * before it. The others are optional and dynamic: without {@link LifecycleHooks} writes proceed unhooked;
 * without {@link PolicyDecisions} the quality gate answers {@code none}; without {@link PlanExecutions} (the
 * execute module) or {@link AdapterCalls} (the extension module) execute, status and export answer 503
 * {@code module-unavailable}.
 */
@Component(immediate = true, service = {})
public final class PlanModule {

    @Reference
    private ModuleDatabase database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LifecycleHooks hooks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PolicyDecisions policies;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PlanExecutions executions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AdapterCalls adapters;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        database.migrate("plan", PlanModule.class.getClassLoader(), PlanRepository.SCRIPTS);
        Counters counters = new Counters();
        PlanService plans = new PlanService(database, counters, Clock.systemUTC(), () -> hooks);
        PlansServlet servlet = new PlansServlet(plans, new PlanValidation(() -> policies, counters),
                new PlanDelegations(() -> executions, () -> adapters));
        registrations.add(context.registerService(Servlet.class, servlet, properties(
                "osgi.http.whiteboard.servlet.pattern", "/api/v1/mplp/plans/*",
                "osgi.http.whiteboard.servlet.name", "palisade-plans")));
        ProtocolObjects objects = plans::find;
        registrations.add(context.registerService(ProtocolObjects.class, objects,
                properties(ProtocolObjects.MODULE_PROPERTY, "plan")));
        registrations.add(context.registerService(MetricSource.class, counters,
                properties(ProtocolObjects.MODULE_PROPERTY, "plan")));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        registrations.clear();
    }

    private static Dictionary<String, Object> properties(String... keysAndValues) {
        Hashtable<String, Object> out = new Hashtable<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
