package dev.palisade.core.plan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.plan.check.PlanRules;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.web.Json;

/**
 * What the plan module does with a 50-task plan on every write, against the protocol's targets (parse
 * under 5 ms, schema validation under 3 ms): {@code parse} reads the JSON bytes alone (the baseline);
 * {@code parseAndSchema} adds the MPLP plan schema; {@code parseSchemaAndRules} adds the plan rules
 * (unique ids, known tasks, cycle search, durations, execute fields) as a create does. Throughput and
 * sampled latency (p50, p99) in one run, per millisecond. Run on demand: {@code mvn -B -o -Pbench -DskipTests
 * -pl core-bundles/plan verify}; results also go to {@code target/jmh-plan.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class PlanCheckBenchmark {

    static final int TASKS = 50;

    private byte[] body;

    @Setup
    public void plan() throws IOException {
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.put("id", UUID.randomUUID().toString());
        plan.put("name", "a release of fifty steps");
        ArrayNode tasks = plan.putArray("tasks");
        ArrayNode deps = plan.putArray("dependencies");
        String previous = null;
        for (int i = 0; i < TASKS; i++) {
            String id = UUID.randomUUID().toString();
            ObjectNode task = tasks.addObject();
            task.put("id", id);
            task.put("name", "step " + i);
            task.put("type", i % 10 == 0 ? "composite" : "atomic");
            task.put("priority", "medium");
            task.put("estimated_duration", "PT" + (5 + i % 20) + "M");
            task.put("extension", "text-tools");
            task.put("method", "summarize");
            task.putObject("input").put("text", "step " + i + " of the release");
            if (previous != null) {
                ObjectNode dep = deps.addObject();
                dep.put("from_task", previous);
                dep.put("to_task", id);
                dep.put("type", i % 3 == 0 ? "start_to_start" : "finish_to_start");
            }
            previous = id;
        }
        plan.putObject("workflow").put("execution_strategy", "sequential");
        body = Json.mapper().writeValueAsString(plan).getBytes(StandardCharsets.UTF_8);
        if (!PlanRules.violations(Json.mapper().readTree(body)).isEmpty()) {
            throw new IllegalStateException("the benchmark's plan breaks the plan rules");
        }
    }

    @Benchmark
    public JsonNode parse() throws IOException {
        return Json.mapper().readTree(body);
    }

    @Benchmark
    public JsonNode parseAndSchema() throws IOException {
        JsonNode plan = Json.mapper().readTree(body);
        MplpSchemas.bundled().requireValid("plan", plan, "the plan");
        return plan;
    }

    @Benchmark
    public Object parseSchemaAndRules() throws IOException {
        JsonNode plan = Json.mapper().readTree(body);
        MplpSchemas.bundled().requireValid("plan", plan, "the plan");
        return PlanRules.violations(plan);
    }
}
