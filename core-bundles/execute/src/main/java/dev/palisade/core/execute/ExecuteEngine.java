package dev.palisade.core.execute;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.core.execute.engine.ExecutionRun;
import dev.palisade.core.execute.engine.ExecutionStatus;
import dev.palisade.core.execute.engine.PlanModel;
import dev.palisade.core.execute.engine.PlanReader;
import dev.palisade.core.execute.store.ExecutionHeader;
import dev.palisade.core.execute.store.ExecutionStore;
import dev.palisade.core.execute.store.LogLine;
import dev.palisade.host.bridge.ConfirmationGate;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.PlanExecutions;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.host.bridge.TraceSink;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.EventHub;
import dev.palisade.protocol.HookGate;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Subscription;
import dev.palisade.protocol.Timestamps;

/**
 * The execute module: starts executions of plans (the bridge's {@link PlanExecutions}, called by the plan
 * module), runs them on a pool of {@code palisade.execute.threads} threads (default 8), and answers the
 * executions' REST view, pause, resume, cancel and logs. Executions live in memory while they run and in the
 * store always; at activation the executions a stopped host left unfinished are marked failed with reason
 * {@code host restarted}. Needs the store; the other modules are optional (see {@link Collaborators}).
 * Thread-safe.
 */
@Component(service = { PlanExecutions.class, ExecuteEngine.class })
public final class ExecuteEngine implements PlanExecutions, Collaborators {

    static final String THREADS_PROPERTY = "palisade.execute.threads";
    static final int DEFAULT_THREADS = 8;
    static final int MAX_THREADS = 256;
    private static final String START_EVENT = "execution.start";
    private static final long WRITER_DRAIN_SECONDS = 5;
    private static final long STORED_WAIT_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(ExecuteEngine.class.getName());

    @Reference
    private ModuleDatabase database;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ExtensionHost extensions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ProtocolObjects.MODULE_PROPERTY + "=context)")
    volatile ProtocolObjects contexts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfirmationGate confirmations;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LifecycleHooks hooks;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PolicyDecisions policies;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TraceSink traces;

    private final Counters counters = new Counters();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private ExecutionStore store;
    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private ExecutorService writer;
    private ServiceRegistration<MetricSource> metrics;

    /** A running execution: its scheduler and its journal. */
    private record Live(ExecutionRun run, StoredJournal journal) {
    }

    @Activate
    void activate(BundleContext context) {
        store = new ExecutionStore(database);
        store.migrate();
        int interrupted = store.markInterrupted(Timestamps.now(clock));
        if (interrupted > 0) {
            LOG.log(System.Logger.Level.WARNING, interrupted + " execution(s) left unfinished by the previous host "
                    + "run were marked failed (host restarted)");
        }
        pool = Executors.newFixedThreadPool(threads(context.getProperty(THREADS_PROPERTY)), named("palisade-execute-"));
        timer = Executors.newSingleThreadScheduledExecutor(named("palisade-execute-retry-"));
        writer = Executors.newSingleThreadExecutor(named("palisade-execute-store-"));
        metrics = context.registerService(MetricSource.class, counters, null);
    }

    @Deactivate
    void deactivate() {
        metrics.unregister();
        timer.shutdownNow();
        pool.shutdownNow();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(WRITER_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the execute module stopped before its last progress writes "
                        + "reached the store; the next start marks those executions failed (host restarted)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.values().forEach(l -> l.journal().abandon());
        live.clear();
    }

    @Override
    public Map<String, Object> start(Map<String, Object> plan, Map<String, Object> request) {
        StartRequest req = StartRequest.read(request);
        PlanModel model = PlanReader.read(plan);
        StartChecks.contextExists(this, req.contextId());
        StartChecks.pluginsServing(this, model);
        StartChecks.qualityGate(this, plan);
        ExecutionHeader header = new ExecutionHeader(UUID.randomUUID().toString(), model.planId(), req.contextId(),
                req.agentId(), model.strategy().protocolName(), Timestamps.now(clock), request);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("execution_id", header.id());
        event.put("plan_id", header.planId());
        event.put("context_id", header.contextId());
        event.put("agent_id", header.agentId());
        event.put("plan", plan);
        LifecycleHooks h = hooks;
        HookGate.before(h, START_EVENT, "plan " + header.planId(), event);
        SpanRecorder spans = new SpanRecorder(this, writer, header.id(), header.contextId(), header.agentId());
        StoredJournal journal = new StoredJournal(header, store, writer, counters, this, spans, clock,
                () -> live.remove(header.id()));
        ExecutionRun run = new ExecutionRun("execution " + header.id(), model,
                new HostTaskGateway(this, header, model.strategy(), spans, counters, clock), journal, pool, timer,
                clock);
        live.put(header.id(), new Live(run, journal));
        try {
            store.create(header, model.tasks());
        } catch (HostProblem e) {
            live.remove(header.id());
            throw e;
        }
        counters.add("palisade_execute_executions_started_total", "Executions the execute engine started", Map.of(),
                1);
        HookGate.after(h, START_EVENT, event);
        run.start();
        awaitStored(journal);
        return find(header.id()).orElseThrow();
    }

    /** Lets a client's answer show its own change: waits (briefly) until the journal's writes are stored. */
    private static void awaitStored(StoredJournal journal) {
        try {
            journal.written().get(STORED_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the store did not take an execution's progress within "
                    + STORED_WAIT_SECONDS + " s; the answer shows an older state");
        }
    }

    @Override
    public Optional<Map<String, Object>> latest(String planId) {
        return store.latest(planId).flatMap(store::find);
    }

    /** @return the execution with its tasks, or empty */
    public Optional<Map<String, Object>> find(String id) {
        return store.find(id);
    }

    /** @return the executions, newest first, without their tasks */
    public List<Map<String, Object>> list(String planId, String status, int limit) {
        return store.list(planId, status, limit);
    }

    /**
     * Pauses, resumes or cancels.
     *
     * @param to {@code paused}, {@code running} or {@code cancelled}
     * @return the execution afterwards
     * @throws HostProblem 404 for an unknown execution, 409 {@code invalid-transition} naming the allowed moves
     */
    public Map<String, Object> move(String id, ExecutionStatus to) {
        Live l = live.get(id);
        if (l != null) {
            switch (to) {
                case PAUSED -> l.run().pause();
                case RUNNING -> l.run().resume();
                case CANCELLED -> l.run().cancel();
                default -> throw new IllegalArgumentException("clients may not move an execution to " + to);
            }
            awaitStored(l.journal());
        } else {
            Map<String, Object> stored = find(id).orElseThrow(() -> ProtocolProblems.notFound("execution", id));
            ExecutionStatus.MOVES.require("execution " + id, (String) stored.get("status"), to.protocolName());
        }
        return find(id).orElseThrow(() -> ProtocolProblems.notFound("execution", id));
    }

    /** @return the execution's log lines numbered above {@code afterSeq} */
    public List<LogLine> log(String id, long afterSeq) {
        Live l = live.get(id);
        if (l != null) {
            return l.journal().linesAfter(afterSeq);
        }
        if (find(id).isEmpty()) {
            throw ProtocolProblems.notFound("execution", id);
        }
        return store.logAfter(id, afterSeq);
    }

    /**
     * @return the execution's log so far and a subscription to its next lines (one that has ended when the
     *         execution has)
     * @throws HostProblem 404 for an unknown execution
     */
    public LogFollow follow(String id, int capacity) {
        Live l = live.get(id);
        if (l != null) {
            return l.journal().follow(capacity);
        }
        Subscription<LogLine> ended = new EventHub<LogLine>().subscribe(line -> false, 1);
        ended.close();
        return new LogFollow(log(id, 0), ended);
    }

    @Override
    public ExtensionHost extensions() {
        return extensions;
    }

    @Override
    public ProtocolObjects contexts() {
        return contexts;
    }

    @Override
    public ConfirmationGate confirmations() {
        return confirmations;
    }

    @Override
    public LifecycleHooks hooks() {
        return hooks;
    }

    @Override
    public PolicyDecisions policies() {
        return policies;
    }

    @Override
    public TraceSink traces() {
        return traces;
    }

    /**
     * @return the engine pool's size: the framework property, default 8
     * @throws IllegalArgumentException naming the property when it is not a whole number from 1 to 256
     */
    static int threads(String property) {
        if (property == null) {
            return DEFAULT_THREADS;
        }
        try {
            int n = Integer.parseInt(property.trim());
            if (n >= 1 && n <= MAX_THREADS) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be a whole number from 1 to " + MAX_THREADS
                + ", was '" + property + "'; fix it in etc/palisade.properties");
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
