package dev.palisade.core.trace;

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

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.trace.rest.TracesServlet;
import dev.palisade.core.trace.store.SpanStore;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.TraceSink;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.EventHub;
import jakarta.servlet.Servlet;

/**
 * Starts and stops the trace module with its bundle. Activation migrates the module's table, then registers
 * the REST servlet ({@code /api/v1/mplp/traces/*}), the bridge's {@link TraceSink} and the module's
 * {@link MetricSource}; deactivation unregisters them and ends every live stream. Registrations name bridge
 * or servlet types only. The store's {@link ModuleDatabase} is static and mandatory: the module starts after
 * the store and stops before it.
 */
@Component(immediate = true, service = {})
public final class TraceModule {

    @Reference
    private ModuleDatabase database;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private EventHub<JsonNode> live;

    @Activate
    void activate(BundleContext context) {
        database.migrate("trace", TraceModule.class.getClassLoader(), SpanStore.SCRIPTS);
        Counters counters = new Counters();
        live = new EventHub<>();
        TraceService traces = new TraceService(database, counters, live);
        Hashtable<String, Object> servlet = new Hashtable<>();
        servlet.put("osgi.http.whiteboard.servlet.pattern", "/api/v1/mplp/traces/*");
        servlet.put("osgi.http.whiteboard.servlet.name", "palisade-traces");
        registrations.add(context.registerService(Servlet.class, new TracesServlet(traces, live), servlet));
        registrations.add(context.registerService(TraceSink.class, traces, module()));
        registrations.add(context.registerService(MetricSource.class, counters, module()));
    }

    @Deactivate
    void deactivate() {
        live.close();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        registrations.clear();
    }

    private static Dictionary<String, Object> module() {
        Hashtable<String, Object> out = new Hashtable<>();
        out.put("mplp.module", "trace");
        return out;
    }
}
