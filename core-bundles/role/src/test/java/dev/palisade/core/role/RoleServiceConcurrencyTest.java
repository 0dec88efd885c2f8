package dev.palisade.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.host.bridge.HookVerdict;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.store.testing.TestModuleDatabase;

/**
 * Replaces and inheritances racing other writes, on a real H2 store: the before-hooks of {@code role.update}
 * hold a write between its read and its write while the race happens.
 */
class RoleServiceConcurrencyTest {

    @TempDir
    Path dir;

    private TestModuleDatabase database;

    @BeforeEach
    void open() {
        database = TestModuleDatabase.h2In(dir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Runs {@code onUpdate} in the before-hooks of every {@code role.update}, then allows it. */
    private static LifecycleHooks onUpdate(Consumer<Map<String, Object>> onUpdate) {
        return new LifecycleHooks() {
            @Override
            public HookVerdict before(String event, Map<String, Object> payload) {
                if (event.equals("role.update")) {
                    onUpdate.accept(payload);
                }
                return new HookVerdict(false, null, null, payload);
            }

            @Override
            public void after(String event, Map<String, Object> payload) {
                // nothing to tell
            }
        };
    }

    private static JsonNode role(String name) {
        return JsonColumns.tree((Object) Map.of("name", name, "version", "1.0", "capabilities", List.of(),
                "permissions", List.of()));
    }

    private static String idOf(Map<String, Object> role) {
        return (String) role.get("id");
    }

    @Test
    void twoConcurrentInheritancesKeepBothParents() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger updates = new AtomicInteger();
        RoleService roles = new RoleService(database, onUpdate(payload -> {
            if (updates.incrementAndGet() <= 2) {
                await(bothRead);
            }
        }));
        String child = idOf(roles.create(role("child")));
        String a = idOf(roles.create(role("parent-a")));
        String b = idOf(roles.create(role("parent-b")));

        // two threads of its own: the common pool may run both on one thread (one CPU's worth on 2-CPU machines)
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Map<String, Object>> first = CompletableFuture.supplyAsync(() -> roles.inherit(child, a,
                    null), two);
            CompletableFuture<Map<String, Object>> second = CompletableFuture.supplyAsync(() -> roles.inherit(child, b,
                    null), two);
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }

        List<String> parents = List.copyOf(roles.effective(child).get("ancestors") instanceof List<?> ancestors
                ? ancestors.stream().map(ancestor -> (String) ((Map<?, ?>) ancestor).get("id")).sorted().toList()
                : List.of());
        assertEquals(List.of(a, b).stream().sorted().toList(), parents);
        assertEquals(3, updates.get(), "the write that came second was made again from the new revision");
    }

    @Test
    void aRoleDeletedWhileItIsReplacedAnswers404AndLeavesNoParentsBehind() {
        String[] ids = new String[2];
        RoleService[] service = new RoleService[1];
        service[0] = new RoleService(database, onUpdate(payload -> service[0].delete(ids[0])));
        RoleService roles = service[0];
        ids[0] = idOf(roles.create(role("doomed")));
        ids[1] = idOf(roles.create(role("parent")));

        HostProblem gone = assertThrows(HostProblem.class, () -> roles.inherit(ids[0], ids[1], null));

        assertEquals(404, gone.status());
        assertEquals(List.of(), database.inTransaction("reading parents", c -> RoleTables.children(c, ids[1])));
        roles.delete(ids[1]);
    }

    @Test
    void aRoleThatKeepsChangingAnswers409ConcurrentUpdateAfterThreeAttempts() {
        String[] id = new String[1];
        RoleService[] service = new RoleService[1];
        AtomicInteger updates = new AtomicInteger();
        service[0] = new RoleService(database, onUpdate(payload -> {
            if (updates.incrementAndGet() <= RoleService.ATTEMPTS) {
                database.inTransaction("changing the role behind the service's back", c -> {
                    try (var ps = c.prepareStatement("UPDATE role_objects SET revision = revision + 1 WHERE id = ?")) {
                        ps.setString(1, id[0]);
                        return ps.executeUpdate();
                    }
                });
            }
        }));
        id[0] = idOf(service[0].create(role("busy")));

        HostProblem busy = assertThrows(HostProblem.class,
                () -> service[0].replace(id[0], role("busy-renamed")));

        assertEquals(409, busy.status());
        assertEquals("concurrent-update", busy.type());
        assertEquals("role " + id[0] + " kept changing while this change was applied (3 attempts); read it again"
                + " and retry", busy.detail());
        assertEquals("busy", service[0].get(id[0]).get("name"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other write did not read the role in time", e);
        }
    }
}
