package dev.palisade.core.execute.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.core.execute.engine.TaskRecord;
import dev.palisade.core.execute.engine.TaskSpec;
import dev.palisade.core.execute.engine.TaskStatus;
import dev.palisade.store.testing.TestModuleDatabase;

/**
 * The execute tables on a real H2 store, opened and migrated as the store bundle does (on PostgreSQL:
 * {@link ExecutionStoreOnPostgresTest}).
 */
class ExecutionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00.123Z");

    @TempDir
    Path data;
    private TestModuleDatabase db;
    private ExecutionStore store;

    @BeforeEach
    void open() {
        db = openDatabase(data);
        store = new ExecutionStore(db);
        store.migrate();
    }

    /** @return the store the tests run on, in {@code data} if it keeps files */
    TestModuleDatabase openDatabase(Path data) {
        return TestModuleDatabase.h2In(data);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static TaskSpec task(String id) {
        return new TaskSpec(id, "task " + id, "text-tools", "word_count", Map.of(), null, null, null, Map.of());
    }

    private void create(String id, String plan) {
        store.create(new ExecutionHeader(id, plan, "ctx", null, "sequential", T0, Map.of("context_id", "ctx")),
                List.of(task("a"), task("b")));
    }

    @Test
    void anExecutionIsStoredWithItsTasksAndReadBackAsClientsSeeIt() {
        create("e1", "p1");
        store.record("e1", List.of(new TaskRecord("a", "task a", 0, TaskStatus.COMPLETED, 2, T0, T0.plusMillis(5),
                Map.of("words", 3), null, null, null, null)), List.of(new LogLine("e1", 1, T0, "info", "a", "a done")),
                new ExecutionStore.StatusChange("running", null, T0.plusSeconds(1), false));
        Map<String, Object> view = store.find("e1").orElseThrow();
        assertEquals("running", view.get("status"));
        assertEquals("e1", view.get("trace_id"));
        assertEquals("2026-11-22T07:00:01.123Z", view.get("updated_at"));
        assertEquals(null, view.get("finished_at"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) view.get("tasks");
        assertEquals(Map.of("words", 3), tasks.get(0).get("output"));
        assertEquals(2, tasks.get(0).get("attempts"));
        assertEquals("2026-11-22T07:00:00.128Z", tasks.get(0).get("finished_at"));
        assertEquals("pending", tasks.get(1).get("status"));
        assertEquals(Map.of("total", 2, "completed", 1, "pending", 1), view.get("summary"));
        assertEquals(List.of("a done"), store.logAfter("e1", 0).stream().map(LogLine::message).toList());
        assertEquals(List.of(), store.logAfter("e1", 1));
    }

    @Test
    void listsFilterByPlanAndStatusNewestFirst() {
        create("e1", "p1");
        create("e2", "p2");
        create("e3", "p1");
        store.record("e3", List.of(), List.of(), new ExecutionStore.StatusChange("completed", null, T0, true));
        assertEquals(List.of("e1", "e3"), ids(store.list("p1", null, 10)));
        assertEquals(List.of("e3"), ids(store.list(null, "completed", 10)));
        assertEquals(1, store.list(null, null, 1).size());
        assertEquals("e1", store.latest("p1").orElseThrow(), "equal creation times: ordered by id");
        assertTrue(store.latest("p9").isEmpty());
    }

    @Test
    void aRestartMarksUnfinishedExecutionsFailedAndTheirOpenTasksCancelled() {
        create("e1", "p1");
        create("e2", "p1");
        store.record("e2", List.of(), List.of(), new ExecutionStore.StatusChange("completed", null, T0, true));
        assertEquals(1, store.markInterrupted(T0.plusSeconds(9)));
        Map<String, Object> e1 = store.find("e1").orElseThrow();
        assertEquals("failed", e1.get("status"));
        assertEquals("host restarted", e1.get("reason"));
        assertTrue(e1.get("summary").toString().contains("cancelled=2"), e1.get("summary").toString());
        assertEquals("completed", store.find("e2").orElseThrow().get("status"));
        assertEquals(0, store.markInterrupted(T0.plusSeconds(10)));
    }

    private static List<String> ids(List<Map<String, Object>> listed) {
        return listed.stream().map(m -> (String) m.get("id")).toList();
    }
}
