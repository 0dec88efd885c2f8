package dev.palisade.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.web.Json;

class ChangeOpsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void oneVariableSetIsOneOperationOnThatVariable() throws Exception {
        JsonNode before = json("{'status':'active','shared_state':{'variables':{'a':1,'b':2},'resources':{}}}");
        JsonNode after = json("{'status':'active','shared_state':{'variables':{'a':1,'b':3},'resources':{}}}");
        assertEquals(json("[{'op':'set','path':'/shared_state/variables/b','value':3}]"),
                JsonColumns.tree((Object) ChangeOps.between(before, after)));
    }

    @Test
    void removalsAndNewMembersAtEachLevel() throws Exception {
        JsonNode before = json("{'status':'active','version':'1.0','shared_state':{'variables':{'a/b':1,'x':{'y':1}},"
                + "'dependencies':['p']}}");
        JsonNode after = json("{'status':'suspended','shared_state':{'variables':{'x':{'y':2},'n~':true},"
                + "'resources':{'r':1},'dependencies':['p']}}");
        assertEquals(json("[{'op':'set','path':'/status','value':'suspended'},"
                + "{'op':'remove','path':'/version'},"
                + "{'op':'remove','path':'/shared_state/variables/a~1b'},"
                + "{'op':'set','path':'/shared_state/variables/x','value':{'y':2}},"
                + "{'op':'set','path':'/shared_state/variables/n~0','value':true},"
                + "{'op':'set','path':'/shared_state/resources','value':{'r':1}}]"),
                JsonColumns.tree((Object) ChangeOps.between(before, after)));
    }

    @Test
    void variablesReplacedByANonObjectAreSetWhole() throws Exception {
        JsonNode before = json("{'shared_state':{'variables':{'a':1}}}");
        JsonNode after = json("{'shared_state':{'variables':[]}}");
        assertEquals(json("[{'op':'set','path':'/shared_state/variables','value':[]}]"),
                JsonColumns.tree((Object) ChangeOps.between(before, after)));
    }

    @Test
    void nothingChangedIsNoOperation() throws Exception {
        JsonNode same = json("{'shared_state':{'variables':{'a':1}}}");
        assertEquals(0, ChangeOps.between(same, same.deepCopy()).size());
    }
}
