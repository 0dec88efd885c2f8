package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;

/**
 * The Context module through REST on the running distribution: create, read, list, replace, patch,
 * delete; status and lifecycle stage transitions with their history; variables; snapshots and restore;
 * sync; and every kind of bad input answered as problem+json with nothing stored.
 */
class ContextIT extends OnRunningDistribution {

    private static final String CONTEXTS = "/api/v1/mplp/contexts";

    private static String context(String status, String stage, String variables) {
        return ("{'version':'1.0','status':'" + status + "','lifecycle_stage':'" + stage
                + "','shared_state':{'variables':" + variables + ",'resources':{},'dependencies':[]}}").replace('\'', '"');
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static String create(String body) {
        Response r = host.postJson(CONTEXTS, body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("id").asText();
    }

    private static int count() {
        return host.get(CONTEXTS + "?limit=1000").json().path("contexts").size();
    }

    @Test
    void aCreatedContextHasTheHostsFieldsAndIsListed() {
        Response r = host.postJson(CONTEXTS, context("active", "planning", "{'goal':'ship'}"));
        assertEquals(201, r.status(), r.body());
        String id = r.json().path("id").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        assertEquals(1, r.json().path("metadata").path("revision").asLong());
        assertTrue(r.json().path("metadata").path("created_at").asText().endsWith("Z"));
        assertEquals(r.json(), host.get(CONTEXTS + "/" + id).json());
        boolean listed = false;
        for (JsonNode c : host.get(CONTEXTS + "?status=active&lifecycle_stage=planning").json().path("contexts")) {
            listed |= c.path("id").asText().equals(id);
        }
        assertTrue(listed, "the new context is listed among the active ones in planning");
        assertProblem(host.get(CONTEXTS + "?status=finished"), 400, "schema-violation");
    }

    @Test
    void schemaViolationsNameFieldAndRuleAndStoreNothing() {
        int before = count();
        Response r = host.postJson(CONTEXTS, json("{'version':'1.0','status':'finished','lifecycle_stage':'planning'}"));
        assertProblem(r, 400, "schema-violation");
        List<String> violations = new ArrayList<>();
        r.json().path("violations").forEach(v -> violations.add(v.path("field").asText() + " " + v.path("rule").asText()));
        assertEquals(List.of(" required", "/status enum"), violations, r.body());
        assertTrue(r.json().path("detail").asText().startsWith("the context does not match the MPLP context schema: "),
                r.body());
        assertProblem(host.postJson(CONTEXTS, "{\"version\": "), 400, "malformed-json");
        assertProblem(host.postJson(CONTEXTS, "[1]"), 400, "malformed-json");
        assertProblem(host.postJson(CONTEXTS, context("active", "planning", "[]")), 400, "schema-violation");
        assertEquals(before, count(), "nothing was stored");
        assertProblem(host.get(CONTEXTS + "/00000000-0000-0000-0000-000000000000"), 404, "not-found");
        Response wrongMethod = host.delete(CONTEXTS);
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertEquals("DELETE is not supported on /api/v1/mplp/contexts; use GET, POST",
                wrongMethod.json().path("detail").asText());
        assertProblem(host.get(CONTEXTS + "/x/unknown"), 404, "not-found");
    }

    @Test
    void theSameIdTwiceIsAConflict() {
        String id = create(context("active", "planning", "{}"));
        Response again = host.postJson(CONTEXTS, context("active", "planning", "{}").replace("{\"version\"",
                "{\"id\":\"" + id + "\",\"version\""));
        assertProblem(again, 409, "already-exists");
    }

    @Test
    void statusAndStageMoveAlongTheAllowedTransitionsWithReasons() {
        String id = create(context("active", "planning", "{}"));
        String status = CONTEXTS + "/" + id + "/status";
        Response moved = host.postJson(status, json("{'lifecycle_stage':'execution','reason':'plan approved'}"));
        assertEquals(200, moved.status(), moved.body());
        assertEquals("execution", moved.json().path("context").path("lifecycle_stage").asText());
        assertEquals("planning", moved.json().path("recorded").get(0).path("from").asText());
        assertEquals("plan approved", moved.json().path("recorded").get(0).path("reason").asText());

        Response skip = host.postJson(status, json("{'lifecycle_stage':'completion','reason':'skip'}"));
        assertProblem(skip, 409, "invalid-transition");
        assertEquals("context " + id + " cannot change lifecycle_stage from execution to completion; allowed from"
                + " execution: validation, planning", skip.json().path("detail").asText());
        assertProblem(host.postJson(status, json("{'lifecycle_stage':'validation'}")), 400, "schema-violation");
        assertProblem(host.postJson(status, json("{'status':'done','reason':'x'}")), 400, "schema-violation");

        assertEquals(200, host.postJson(status, json("{'lifecycle_stage':'validation','reason':'built'}")).status());
        assertEquals(200, host.postJson(status, json("{'status':'completed','reason':'accepted'}")).status());
        Response back = host.postJson(status, json("{'status':'active','reason':'reopen'}"));
        assertProblem(back, 409, "invalid-transition");
        assertEquals("context " + id + " cannot change status from completed to active; allowed from completed:"
                + " none: completed is final", back.json().path("detail").asText());
        Response planning = host.postJson(status, json("{'lifecycle_stage':'planning','reason':'again'}"));
        assertProblem(planning, 409, "invalid-transition");
        assertEquals("planning", planning.json().path("to").asText());

        List<String> history = new ArrayList<>();
        host.get(CONTEXTS + "/" + id + "/history").json().path("history").forEach(h -> history.add(
                h.path("field").asText() + ":" + h.path("from").asText() + "->" + h.path("to").asText() + ":"
                        + h.path("reason").asText()));
        assertEquals(List.of("lifecycle_stage:null->planning:created", "status:null->active:created",
                "lifecycle_stage:planning->execution:plan approved", "lifecycle_stage:execution->validation:built",
                "status:active->completed:accepted"), history);
        assertProblem(host.putJson(CONTEXTS + "/" + id + "/variables/late", "1"), 409, "context-final");
    }

    @Test
    void variablesAreSetReadAndRemovedOneByOne() {
        String id = create(context("active", "planning", "{'a':1}"));
        String variables = CONTEXTS + "/" + id + "/variables";
        Response created = host.putJson(variables + "/owner", json("{'team':'blue'}"));
        assertEquals(201, created.status(), created.body());
        assertEquals(2, created.json().path("revision").asLong());
        assertEquals(200, host.putJson(variables + "/a", "2").status());
        assertEquals(json("{'team':'blue'}").replace(" ", ""), host.get(variables + "/owner").json().path("value").toString());
        assertEquals("{\"a\":2,\"owner\":{\"team\":\"blue\"}}", host.get(variables).json().path("variables").toString());
        assertEquals(204, host.delete(variables + "/a").status());
        assertProblem(host.get(variables + "/a"), 404, "not-found");
        assertProblem(host.delete(variables + "/a"), 404, "not-found");
        assertProblem(host.putJson(variables + "/x", "{oops"), 400, "malformed-json");
        assertEquals("{\"owner\":{\"team\":\"blue\"}}", host.get(variables).json().path("variables").toString());
    }

    @Test
    void replaceAndPatchChangeContentButNotTheState() {
        String id = create(context("active", "planning", "{'a':1}"));
        Response replaced = host.putJson(CONTEXTS + "/" + id, context("active", "planning", "{'b':2}"));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("{\"b\":2}", replaced.json().path("shared_state").path("variables").toString());
        Response patched = host.patchJson(CONTEXTS + "/" + id, json("{'shared_state':{'variables':{'b':null,'c':3}}}"));
        assertEquals(200, patched.status(), patched.body());
        assertEquals("{\"c\":3}", patched.json().path("shared_state").path("variables").toString());
        assertEquals(3, patched.json().path("metadata").path("revision").asLong());

        Response stateByPut = host.putJson(CONTEXTS + "/" + id, context("suspended", "planning", "{}"));
        assertProblem(stateByPut, 400, "schema-violation");
        assertEquals("/status", stateByPut.json().path("violations").get(0).path("field").asText());
        assertEquals("unchanged", stateByPut.json().path("violations").get(0).path("rule").asText());
        assertProblem(host.patchJson(CONTEXTS + "/" + id, json("{'version':'one'}")), 400, "schema-violation");
        assertProblem(host.putJson(CONTEXTS + "/" + id, context("active", "planning", "{}").replace("{\"version\"",
                "{\"id\":\"11111111-1111-1111-1111-111111111111\",\"version\"")), 400, "schema-violation");
        assertEquals(patched.json(), host.get(CONTEXTS + "/" + id).json(), "the refused writes changed nothing");
    }

    @Test
    void aSnapshotRestoresTheSharedStateAndSaysWhatItRestored() {
        String id = create(context("active", "planning", "{'a':1}"));
        Response snap = host.postJson(CONTEXTS + "/" + id + "/snapshots", json("{'label':'before'}"));
        assertEquals(201, snap.status(), snap.body());
        String snapshot = snap.json().path("id").asText();
        host.putJson(CONTEXTS + "/" + id + "/variables/a", "2");
        host.putJson(CONTEXTS + "/" + id + "/variables/b", "3");
        assertEquals(1, host.get(CONTEXTS + "/" + id + "/snapshots").json().path("snapshots").size());

        Response restored = host.postJson(CONTEXTS + "/" + id + "/restore", json("{'snapshot_id':'" + snapshot + "'}"));
        assertEquals(200, restored.status(), restored.body());
        assertEquals("{\"a\":1}", restored.json().path("context").path("shared_state").path("variables").toString());
        JsonNode what = restored.json().path("restored");
        assertEquals("before", what.path("label").asText());
        assertEquals(1, what.path("snapshot_revision").asLong());
        assertEquals(3, what.path("revision_before").asLong());
        assertEquals(4, what.path("revision").asLong());
        assertEquals("[\"a\"]", what.path("variables").toString());

        assertProblem(host.postJson(CONTEXTS + "/" + id + "/restore",
                json("{'snapshot_id':'00000000-0000-0000-0000-000000000000'}")), 404, "not-found");
        assertProblem(host.postJson(CONTEXTS + "/" + id + "/restore", "{}"), 400, "schema-violation");
        assertEquals(4, host.get(CONTEXTS + "/" + id).json().path("metadata").path("revision").asLong());
    }

    @Test
    void syncAnswersTheChangesSinceARevisionOrTheFullState() {
        String id = create(context("active", "planning", "{}"));
        host.putJson(CONTEXTS + "/" + id + "/variables/x", "1");
        host.postJson(CONTEXTS + "/" + id + "/status", json("{'status':'suspended','reason':'waiting'}"));
        String sync = CONTEXTS + "/" + id + "/sync";

        JsonNode changes = host.get(sync + "?since=1").json();
        assertEquals("changes", changes.path("mode").asText());
        assertEquals(3, changes.path("revision").asLong());
        assertEquals(2, changes.path("changes").size());
        JsonNode variableOps = changes.path("changes").get(0).path("ops");
        assertEquals("variable.set", changes.path("changes").get(0).path("operation").asText());
        assertEquals("{\"op\":\"set\",\"path\":\"/shared_state/variables/x\",\"value\":1}", variableOps.get(0).toString());
        boolean statusSet = false;
        for (JsonNode op : changes.path("changes").get(1).path("ops")) {
            statusSet |= op.path("path").asText().equals("/status") && op.path("value").asText().equals("suspended");
        }
        assertTrue(statusSet, changes.toString());

        assertEquals(0, host.get(sync + "?since=3").json().path("changes").size());
        JsonNode full = host.get(sync).json();
        assertEquals("full", full.path("mode").asText());
        assertEquals(host.get(CONTEXTS + "/" + id).json(), full.path("context"));
        assertEquals("changes", host.get(sync + "?since=0").json().path("mode").asText());
        assertProblem(host.get(sync + "?since=4"), 400, "schema-violation");
        assertProblem(host.get(sync + "?since=-1"), 400, "schema-violation");
    }

    @Test
    void aDeletedContextIsGoneWithItsHistory() {
        String id = create(context("active", "planning", "{}"));
        assertEquals(204, host.delete(CONTEXTS + "/" + id).status());
        assertProblem(host.get(CONTEXTS + "/" + id), 404, "not-found");
        assertProblem(host.get(CONTEXTS + "/" + id + "/history"), 404, "not-found");
        assertProblem(host.delete(CONTEXTS + "/" + id), 404, "not-found");
    }

    @Test
    void metricsCountContextsInThePrometheusFormat() {
        create(context("active", "planning", "{}"));
        Response metrics = host.get("/metrics");
        assertEquals(200, metrics.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.contentType().toLowerCase());
        assertTrue(metrics.body().contains("# TYPE palisade_context_created_total counter\n"), metrics.body());
        assertTrue(metrics.body().matches("(?s).*\npalisade_context_created_total [1-9][0-9]*\n.*"), metrics.body());
        assertTrue(metrics.body().contains("palisade_http_requests_total{method=\"POST\",status=\"2xx\"}"),
                metrics.body());
    }
}
