package dev.palisade.core.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.plan.check.PlanRules;
import dev.palisade.core.plan.store.PlanRepository;
import dev.palisade.core.plan.store.StoredPlan;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.HookGate;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;
import dev.palisade.protocol.Violation;

/**
 * Plans kept in the store. Every write takes the same steps: the host fills {@code id} (a new UUID on
 * create when none is given) and {@code metadata.created_at}, {@code metadata.updated_at} and
 * {@code metadata.revision}; the plan is checked against the MPLP plan schema and {@link PlanRules}; the
 * before-hooks of {@code plan.create}, {@code plan.update} or {@code plan.delete} may veto or amend it (an
 * amended plan is filled and checked again); it is written in one transaction, only over the revision it was
 * read at; then the after-hooks are told. A refused write stores nothing. Thread-safe.
 */
public final class PlanService {

    static final String KIND = "plan";

    private final ModuleDatabase database;
    private final PlanRepository repository = new PlanRepository();
    private final Counters counters;
    private final Clock clock;
    private final Supplier<LifecycleHooks> hooks;

    /**
     * @param hooks the lifecycle hooks service, or a supplier of {@code null} while there is none
     */
    public PlanService(ModuleDatabase database, Counters counters, Clock clock, Supplier<LifecycleHooks> hooks) {
        this.database = database;
        this.counters = counters;
        this.clock = clock;
        this.hooks = hooks;
    }

    /**
     * @return the stored plan
     * @throws HostProblem 400 {@code schema-violation}, 409 {@code plan-exists} or {@code vetoed-by-hook}
     */
    public Map<String, Object> create(ObjectNode plan) {
        String id = plan.hasNonNull("id") ? plan.get("id").asText() : UUID.randomUUID().toString();
        Instant now = Timestamps.now(clock);
        StoredPlan ready = prepare("plan.create", plan, id, now, 1, now);
        database.inTransaction("creating plan " + id, c -> {
            if (repository.find(c, id).isPresent()) {
                throw new HostProblem(409, "plan-exists", "Plan exists", "a plan with id '" + id
                        + "' exists; replace it with PUT /api/v1/mplp/plans/" + id + " or leave out the id",
                        Map.of("id", id));
            }
            repository.insert(c, ready, now);
            return null;
        });
        counters.increment("palisade_plan_plans_created_total", "Plans created");
        return published("plan.create", ready);
    }

    /** @throws HostProblem 404 {@code not-found} */
    public Map<String, Object> get(String id) {
        return JsonColumns.map(load(id).plan());
    }

    /** @return the plan, or empty when there is none */
    public Optional<Map<String, Object>> find(String id) {
        return database.inTransaction("reading plan " + id, c -> repository.find(c, id))
                .map(stored -> JsonColumns.map(stored.plan()));
    }

    /** @return plans, newest first; only those named {@code name} unless it is {@code null} */
    public List<Map<String, Object>> list(String name, long limit, long offset) {
        List<StoredPlan> found = database.inTransaction("listing plans",
                c -> repository.list(c, name, limit, offset));
        List<Map<String, Object>> out = new ArrayList<>();
        found.forEach(s -> out.add(JsonColumns.map(s.plan())));
        return out;
    }

    /**
     * Replaces a plan by {@code plan} (its {@code id}, when given, must be {@code id}).
     *
     * @throws HostProblem as {@link #create}, 404 {@code not-found}, 409 {@code plan-changed}
     */
    public Map<String, Object> replace(String id, ObjectNode plan) {
        if (plan.hasNonNull("id") && !plan.get("id").asText().equals(id)) {
            throw ProtocolProblems.invalid("the plan does not match its address", "/id", "path-id",
                    "the body's id '" + plan.get("id").asText() + "' is not the id in the path ('" + id
                            + "'); leave it out or send the same id");
        }
        return change(id, current -> plan);
    }

    /**
     * Applies {@code change} to a copy of the stored plan and stores the result as an update.
     *
     * @param change returns the changed plan; may throw {@link HostProblem} (a missing task: 404)
     * @throws HostProblem as {@link #replace}
     */
    public Map<String, Object> change(String id, UnaryOperator<ObjectNode> change) {
        StoredPlan current = load(id);
        ObjectNode changed = change.apply(current.plan().deepCopy());
        Instant now = Timestamps.now(clock);
        StoredPlan ready = prepare("plan.update", changed, id, current.createdAt(), current.revision() + 1, now);
        database.inTransaction("updating plan " + id, c -> {
            repository.update(c, ready, now);
            return null;
        });
        return published("plan.update", ready);
    }

    /**
     * @return the deleted plan
     * @throws HostProblem 404 {@code not-found}, 409 {@code vetoed-by-hook}
     */
    public Map<String, Object> delete(String id) {
        Map<String, Object> plan = JsonColumns.map(load(id).plan());
        HookGate.before(hooks.get(), "plan.delete", "plan " + id, plan);
        boolean deleted = database.inTransaction("deleting plan " + id, c -> repository.delete(c, id));
        if (!deleted) {
            throw ProtocolProblems.notFound(KIND, id);
        }
        HookGate.after(hooks.get(), "plan.delete", plan);
        return plan;
    }

    /**
     * @return the stored plan
     * @throws HostProblem 404 {@code not-found}
     */
    public StoredPlan load(String id) {
        return database.inTransaction("reading plan " + id, c -> repository.find(c, id))
                .orElseThrow(() -> ProtocolProblems.notFound(KIND, id));
    }

    private StoredPlan prepare(String event, ObjectNode plan, String id, Instant created, long revision,
            Instant now) {
        stamp(plan, id, created, now, revision);
        check(plan);
        Map<String, Object> payload = JsonColumns.map(plan);
        Map<String, Object> amended = HookGate.before(hooks.get(), event, "plan " + id, payload);
        if (amended.equals(payload)) {
            return new StoredPlan(plan, revision, created);
        }
        if (!(JsonColumns.tree(amended) instanceof ObjectNode changed)) {
            throw new IllegalStateException("a hook of " + event + " amended the plan into a non-object");
        }
        stamp(changed, id, created, now, revision);
        check(changed);
        return new StoredPlan(changed, revision, created);
    }

    private static void stamp(ObjectNode plan, String id, Instant created, Instant now, long revision) {
        plan.put("id", id);
        ObjectNode metadata = plan.get("metadata") instanceof ObjectNode given ? given : plan.putObject("metadata");
        metadata.put("created_at", Timestamps.text(created));
        metadata.put("updated_at", Timestamps.text(now));
        metadata.put("revision", revision);
    }

    private static void check(ObjectNode plan) {
        MplpSchemas.bundled().requireValid("plan", plan, "the plan");
        List<Violation> broken = PlanRules.violations(plan);
        if (!broken.isEmpty()) {
            throw ProtocolProblems.invalid("the plan breaks the plan rules", broken);
        }
    }

    private Map<String, Object> published(String event, StoredPlan stored) {
        Map<String, Object> plan = JsonColumns.map(stored.plan());
        HookGate.after(hooks.get(), event, plan);
        return plan;
    }
}
