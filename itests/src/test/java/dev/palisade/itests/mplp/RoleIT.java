package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;

/**
 * The Role module through REST on the running distribution: create, read, list, replace, delete;
 * inheritance with overrides, cycles and unknown parents refused, the effective capabilities and
 * permissions; bad input answered as problem+json with nothing stored.
 */
class RoleIT extends OnRunningDistribution {

    private static final String ROLES = "/api/v1/mplp/roles";

    private static String role(String name, String capabilities, String permissions) {
        return ("{'name':'" + name + "','version':'1.0','capabilities':" + capabilities + ",'permissions':"
                + permissions + "}").replace('\'', '"');
    }

    private static String create(String body) {
        Response r = host.postJson(ROLES, body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("id").asText();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String violations(Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("violations").forEach(v -> out.add(v.path("field").asText() + " " + v.path("rule").asText()));
        return String.join(", ", out);
    }

    @Test
    void aRoleIsCreatedReadListedReplacedAndDeleted() {
        String name = unique("viewer");
        Response created = host.postJson(ROLES, role(name, "[{'name':'read','type':'permission','level':'basic'}]".replace('\'', '"'), "[]"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();
        assertTrue(created.json().path("metadata").path("created_at").asText().endsWith("Z"));
        assertEquals(created.json(), host.get(ROLES + "/" + id).json());
        assertEquals(1, host.get(ROLES + "?name_prefix=" + name).json().path("roles").size());

        Response replaced = host.putJson(ROLES + "/" + id, role(name, "[]", "[{'resource':'plan','actions':['read']}]".replace('\'', '"')));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(created.json().path("metadata").path("created_at"), replaced.json().path("metadata").path("created_at"));
        assertEquals(204, host.delete(ROLES + "/" + id).status());
        assertProblem(host.get(ROLES + "/" + id), 404, "not-found");
    }

    @Test
    void badRolesAreRefusedNamingFieldAndRuleAndNothingIsStored() {
        String name = unique("broken");
        Response r = host.postJson(ROLES, role(name, "[{'name':'x','type':'magic'}]".replace('\'', '"'), "[]"));
        assertProblem(r, 400, "schema-violation");
        assertEquals("/capabilities/0 required, /capabilities/0/type enum", violations(r));
        Response overrides = host.postJson(ROLES, role(name, "[]", "[]").replace("}", ",\"inheritance\":{\"overrides\":[{\"resource\":\"a\"},{\"capability\":\"c\",\"effect\":\"maybe\"}]}}"));
        assertProblem(overrides, 400, "schema-violation");
        assertEquals("/inheritance/overrides/0/actions type, /inheritance/overrides/1/effect enum,"
                + " /inheritance/overrides/1/level enum", violations(overrides));
        assertProblem(host.postJson(ROLES, "{\"name\":"), 400, "malformed-json");
        assertEquals(0, host.get(ROLES + "?name_prefix=" + name).json().path("roles").size());

        create(role(name, "[]", "[]"));
        assertProblem(host.postJson(ROLES, role(name, "[]", "[]")), 409, "already-exists");
        assertEquals(1, host.get(ROLES + "?name_prefix=" + name).json().path("roles").size());
    }

    @Test
    void inheritanceRefusesCyclesAndUnknownParentsAndRolesInUse() {
        String a = create(role(unique("a"), "[]", "[]"));
        String b = create(role(unique("b"), "[]", "[]"));
        String c = create(role(unique("c"), "[]", "[]"));
        assertEquals(200, host.postJson(ROLES + "/" + b + "/inherit", "{\"parent_id\":\"" + a + "\"}").status());
        assertEquals(200, host.postJson(ROLES + "/" + c + "/inherit", "{\"parent_id\":\"" + b + "\"}").status());

        Response cycle = host.postJson(ROLES + "/" + a + "/inherit", "{\"parent_id\":\"" + c + "\"}");
        assertProblem(cycle, 400, "schema-violation");
        assertEquals("acyclic", cycle.json().path("violations").get(0).path("rule").asText());
        assertEquals("inheriting from " + c + " would close the cycle " + a + " -> " + c + " -> " + b + " -> " + a,
                cycle.json().path("violations").get(0).path("message").asText());
        assertProblem(host.postJson(ROLES + "/" + a + "/inherit", "{\"parent_id\":\"" + a + "\"}"), 400,
                "schema-violation");
        Response unknown = host.postJson(ROLES + "/" + a + "/inherit",
                "{\"parent_id\":\"00000000-0000-0000-0000-000000000000\"}");
        assertProblem(unknown, 400, "schema-violation");
        assertEquals("/inheritance/parent_roles/0 exists", violations(unknown));
        assertProblem(host.postJson(ROLES + "/" + a + "/inherit", "{}"), 400, "schema-violation");
        assertProblem(host.postJson(ROLES + "/00000000-0000-0000-0000-000000000000/inherit",
                "{\"parent_id\":\"" + a + "\"}"), 404, "not-found");
        assertTrue(host.get(ROLES + "/" + a).json().path("inheritance").path("parent_roles").isMissingNode(),
                "the refused inheritances changed nothing");

        Response inUse = host.delete(ROLES + "/" + a);
        assertProblem(inUse, 409, "role-in-use");
        assertEquals("[\"" + b + "\"]", inUse.json().path("children").toString());
    }

    @Test
    void theEffectiveSetMergesAncestorsOwnEntriesAndOverrides() {
        String base = create(role(unique("base"),
                "[{'name':'python','type':'skill','level':'expert'},{'name':'review','type':'skill','level':'advanced'}]".replace('\'', '"'),
                "[{'resource':'plan','actions':['read','write','delete']},{'resource':'trace','actions':['read']}]".replace('\'', '"')));
        String ops = create(role(unique("ops"), "[{'name':'deploy','type':'skill','level':'intermediate'}]".replace('\'', '"'),
                "[{'resource':'execution','actions':['run']}]".replace('\'', '"')));
        String child = create(role(unique("child"), "[{'name':'python','type':'skill','level':'basic'}]".replace('\'', '"'),
                "[{'resource':'plan','actions':['comment']}]".replace('\'', '"')));
        assertEquals(200, host.postJson(ROLES + "/" + child + "/inherit", "{\"parent_id\":\"" + base + "\"}").status());
        Response inherited = host.postJson(ROLES + "/" + child + "/inherit", ("{'parent_id':'" + ops + "','overrides':["
                + "{'resource':'plan','actions':['delete'],'effect':'deny'},"
                + "{'capability':'review','effect':'deny'},"
                + "{'capability':'deploy','level':'expert'}]}").replace('\'', '"'));
        assertEquals(200, inherited.status(), inherited.body());
        assertEquals("[\"" + base + "\",\"" + ops + "\"]",
                inherited.json().path("inheritance").path("parent_roles").toString());

        JsonNode effective = host.get(ROLES + "/" + child + "/effective").json();
        assertEquals(2, effective.path("ancestors").size());
        List<String> capabilities = new ArrayList<>();
        effective.path("capabilities").forEach(c -> capabilities.add(c.path("name").asText() + ":"
                + c.path("level").asText() + ":" + (c.path("from").asText().equals(child) ? "own" : c.path("from").asText())));
        assertEquals(List.of("python:basic:own", "deploy:expert:override"), capabilities);
        List<String> permissions = new ArrayList<>();
        effective.path("permissions").forEach(p -> permissions.add(p.path("resource").asText() + p.path("actions")));
        assertEquals(List.of("plan[\"read\",\"write\",\"comment\"]", "trace[\"read\"]", "execution[\"run\"]"), permissions);
        assertProblem(host.get(ROLES + "/00000000-0000-0000-0000-000000000000/effective"), 404, "not-found");

        Response metrics = host.get("/metrics");
        assertTrue(metrics.body().matches("(?s).*\npalisade_role_created_total [1-9][0-9]*\n.*"), metrics.body());
    }
}
