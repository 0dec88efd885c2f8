package dev.palisade.core.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.core.execute.engine.ExecutionStatus;
import dev.palisade.core.execute.engine.TaskRecord;
import dev.palisade.core.execute.engine.TaskSpec;
import dev.palisade.core.execute.engine.TaskStatus;
import dev.palisade.core.execute.store.ExecutionHeader;
import dev.palisade.core.execute.store.ExecutionStore;
import dev.palisade.core.execute.store.LogLine;
import dev.palisade.host.bridge.ConfirmationGate;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.host.bridge.TraceSink;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.Subscription;
import dev.palisade.store.testing.TestModuleDatabase;

/** The journal's write-behind on a real H2 store: batching, ordering, the end, and the live log. */
class StoredJournalTest {

    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    /** No other module running: no hooks, no traces. */
    private static final Collaborators ALONE = new Collaborators() {
        public ExtensionHost extensions() {
            return null;
        }

        public ProtocolObjects contexts() {
            return null;
        }

        public ConfirmationGate confirmations() {
            return null;
        }

        public LifecycleHooks hooks() {
            return null;
        }

        public PolicyDecisions policies() {
            return null;
        }

        public TraceSink traces() {
            return null;
        }
    };

    @TempDir
    Path data;
    private TestModuleDatabase db;
    private ExecutionStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final Counters counters = new Counters();
    private final CountDownLatch stored = new CountDownLatch(1);
    private StoredJournal journal;

    @BeforeEach
    void open() {
        db = TestModuleDatabase.h2In(data);
        store = new ExecutionStore(db);
        store.migrate();
        ExecutionHeader header = new ExecutionHeader("e1", "p1", "c1", null, "sequential", T0, Map.of());
        store.create(header, List.of(new TaskSpec("a", "a", null, null, Map.of(), null, null, null, Map.of())));
        journal = new StoredJournal(header, store, writer, counters, ALONE,
                new SpanRecorder(ALONE, writer, "e1", "c1", null), Clock.systemUTC(), stored::countDown);
    }

    /** The writer may still be storing when a test ends: let it stop before the database and its folder go. */
    @AfterEach
    void close() throws InterruptedException {
        writer.shutdownNow();
        assertTrue(writer.awaitTermination(5, TimeUnit.SECONDS), "the journal's writer stopped");
        db.close();
    }

    private static TaskRecord a(TaskStatus status, int attempts) {
        return new TaskRecord("a", "a", 0, status, attempts, T0, null, null, null, null, null, null);
    }

    @Test
    void changesWhileTheWriterIsBusyGoInOneWriteAndTheNewestStateWins() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        writer.execute(() -> await(busy));
        journal.statusChanged(ExecutionStatus.RUNNING, null);
        journal.log("info", "a", "attempt 1");
        journal.taskChanged(a(TaskStatus.RUNNING, 1));
        journal.log("warn", "a", "retrying");
        journal.taskChanged(a(TaskStatus.RETRYING, 1));
        journal.taskChanged(a(TaskStatus.RUNNING, 2));
        assertEquals("pending", store.find("e1").orElseThrow().get("status"), "nothing written while busy");
        busy.countDown();
        journal.written().get(5, TimeUnit.SECONDS);
        Map<String, Object> view = store.find("e1").orElseThrow();
        assertEquals("running", view.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> task = ((List<Map<String, Object>>) view.get("tasks")).get(0);
        assertEquals(List.of("running", 2), List.of(task.get("status"), task.get("attempts")));
        assertEquals(List.of("attempt 1", "retrying"), store.logAfter("e1", 0).stream().map(LogLine::message).toList());
        assertEquals(1.0, counters.metrics().stream()
                .filter(m -> m.name().equals("palisade_execute_tasks_retried_total")).findFirst().orElseThrow()
                .value());
    }

    @Test
    void theEndIsStoredBeforeTheEngineMayForgetTheExecution() throws Exception {
        journal.statusChanged(ExecutionStatus.RUNNING, null);
        journal.taskChanged(a(TaskStatus.COMPLETED, 1));
        journal.log("info", null, "execution ended completed");
        journal.ended(ExecutionStatus.COMPLETED);
        assertTrue(stored.await(5, TimeUnit.SECONDS));
        Map<String, Object> view = store.find("e1").orElseThrow();
        assertEquals("completed", view.get("status"));
        assertTrue(view.get("finished_at") != null);
        assertEquals(1, store.logAfter("e1", 0).size());
    }

    @Test
    void aFollowerGetsTheBacklogThenTheLiveLinesThenTheEnd() throws Exception {
        journal.log("info", null, "one");
        LogFollow follow = journal.follow(16);
        journal.log("info", null, "two");
        journal.ended(ExecutionStatus.COMPLETED);
        try (Subscription<LogLine> live = follow.live()) {
            assertEquals(List.of("one"), follow.backlog().stream().map(LogLine::message).toList());
            assertEquals("two", live.next(java.time.Duration.ofSeconds(1)).orElseThrow().message());
            assertTrue(live.next(java.time.Duration.ofMillis(10)).isEmpty());
            assertTrue(live.finished());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
