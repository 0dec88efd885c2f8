package dev.palisade.core.extension.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.palisade.api.extension.Adapter;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.extension.Hook;
import dev.palisade.api.extension.HookDecision;
import dev.palisade.api.extension.InvocationContext;
import dev.palisade.host.bridge.HostProblem;

class AdapterDispatcherTest {

    private final KindsTesting kinds = new KindsTesting();
    private final AdapterDispatcher adapters = new AdapterDispatcher(kinds.registry, kinds.calls);

    @AfterEach
    void close() {
        kinds.close();
    }

    private static final Adapter ECHO = (type, object, options, context) -> Map.of("type", type,
            "object", object, "options", options, "method", context.method());

    @Test
    void theAdapterExportsWhatItListsWithTheCallersOptions() {
        kinds.add("adapter", "tracker", List.of("export:plan"), ECHO);

        Map<String, Object> result = adapters.export("tracker", "plan", Map.of("plan_id", "p1"),
                Map.of("endpoint", "http://127.0.0.1:9/issues"));

        assertEquals(Map.of("type", "plan", "object", Map.of("plan_id", "p1"), "options",
                Map.of("endpoint", "http://127.0.0.1:9/issues"), "method", "export:plan"), result);
    }

    @Test
    void unknownAdapterIs404() {
        HostProblem problem = assertThrows(HostProblem.class, () -> adapters.export("nobody", "plan", Map.of(),
                Map.of()));
        assertEquals(404, problem.status());
        assertEquals("extension-not-found", problem.type());
    }

    @Test
    void anExtensionOfAnotherKindIs409NamingWhatItAnswers() {
        kinds.add("hook", "guard", List.of("before:task.execute"), new Hook() {
            @Override
            public HookDecision before(String event, Map<String, Object> payload, InvocationContext context) {
                return HookDecision.allow();
            }

            @Override
            public void after(String event, Map<String, Object> payload, InvocationContext context) {
            }
        });

        HostProblem problem = assertThrows(HostProblem.class, () -> adapters.export("guard", "plan", Map.of(),
                Map.of()));
        assertEquals(409, problem.status());
        assertEquals("not-an-adapter", problem.type());
        assertEquals("extension guard 1.0.0 is a hook, not an adapter, so it cannot be asked to export; the host"
                + " calls it for the events it lists: before:task.execute", problem.detail());
    }

    @Test
    void aTypeTheAdapterDoesNotListIs409() {
        kinds.add("adapter", "tracker", List.of("export:plan"), ECHO);

        HostProblem problem = assertThrows(HostProblem.class, () -> adapters.export("tracker", "context", Map.of(),
                Map.of()));
        assertEquals(409, problem.status());
        assertEquals("object-type-not-exported", problem.type());
        assertEquals("adapter tracker 1.0.0 does not export 'context' objects; it lists export:plan in"
                + " interface.events", problem.detail());
    }

    @Test
    void aPendingAdapterIs409NamingWhatAwaitsApproval() {
        kinds.addPending("adapter", "tracker", List.of("export:plan"));

        HostProblem problem = assertThrows(HostProblem.class, () -> adapters.export("tracker", "plan", Map.of(),
                Map.of()));
        assertEquals(409, problem.status());
        assertEquals("extension-pending", problem.type());
    }

    @Test
    void nullAnswerIs502AndTheAdaptersOwnErrorIs422() {
        kinds.add("adapter", "silent", List.of("export:plan"), (Adapter) (type, object, options, context) -> null);
        kinds.add("adapter", "refusing", List.of("export:plan"), (Adapter) (type, object, options, context) -> {
            throw new ExtensionException("upstream_unavailable", "the tracker answered 503");
        });

        HostProblem silent = assertThrows(HostProblem.class, () -> adapters.export("silent", "plan", Map.of(),
                Map.of()));
        assertEquals(502, silent.status());
        assertEquals("adapter silent 1.0.0 answered null to export:plan; an export answers an object. This is a"
                + " defect of the extension: report it to its publisher", silent.detail());
        HostProblem refusing = assertThrows(HostProblem.class, () -> adapters.export("refusing", "plan", Map.of(),
                Map.of()));
        assertEquals(422, refusing.status());
        assertEquals("extension refusing 1.0.0 method 'export:plan' reported [upstream_unavailable]: the tracker"
                + " answered 503", refusing.detail());
    }
}
