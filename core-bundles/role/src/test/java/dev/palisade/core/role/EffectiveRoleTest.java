package dev.palisade.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.web.Json;

class EffectiveRoleTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void parentsMergeByHighestLevelThenTheChildAndItsOverridesWin() throws Exception {
        Map<String, JsonNode> roles = new LinkedHashMap<>();
        roles.put("child", json("{'capabilities':[{'name':'sql','type':'skill','level':'basic'}],"
                + "'permissions':[{'resource':'plan','actions':['comment'],'conditions':{'own':true}}],"
                + "'inheritance':{'parent_roles':['p1','p2'],'overrides':["
                + "{'resource':'plan','actions':['delete'],'effect':'deny'},"
                + "{'resource':'trace','actions':['read'],'effect':'deny'},"
                + "{'capability':'go','effect':'deny'},{'capability':'rust','level':'advanced'}]}}"));
        roles.put("p1", json("{'capabilities':[{'name':'sql','type':'skill','level':'expert'},"
                + "{'name':'java','type':'skill','level':'basic'},{'name':'go','type':'skill','level':'basic'}],"
                + "'permissions':[{'resource':'plan','actions':['read','delete']},{'resource':'trace','actions':['read']}]}"));
        roles.put("p2", json("{'capabilities':[{'name':'java','type':'skill','level':'advanced'}],"
                + "'permissions':[{'resource':'plan','actions':['write']}],'inheritance':{'parent_roles':['p1']}}"));

        JsonNode effective = JsonColumns.tree((Object) new EffectiveRole(roles).of("child"));

        assertEquals(json("[{'name':'sql','type':'skill','level':'basic','from':'child'},"
                + "{'name':'java','type':'skill','level':'advanced','from':'p2'},"
                + "{'name':'rust','type':'skill','level':'advanced','from':'override'}]"), effective.path("capabilities"));
        assertEquals(json("[{'resource':'plan','actions':['read','write','comment'],'conditions':{'own':true},"
                + "'from':['p1','p2','child']}]"), effective.path("permissions"));
    }
}
