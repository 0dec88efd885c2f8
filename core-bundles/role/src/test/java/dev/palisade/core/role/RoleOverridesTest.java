package dev.palisade.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.protocol.Violation;
import dev.palisade.web.Json;

class RoleOverridesTest {

    private static List<String> check(String overrides) throws Exception {
        List<Violation> found = new ArrayList<>();
        RoleOverrides.check(Json.mapper().readTree(overrides.replace('\'', '"')), "/o", found);
        List<String> out = new ArrayList<>();
        found.forEach(v -> out.add(v.line()));
        return out;
    }

    @Test
    void wellFormedOverridesPass() throws Exception {
        assertEquals(List.of(), check("[{'resource':'plan','actions':['read']},{'resource':'x','actions':['a'],"
                + "'effect':'deny'},{'capability':'c','level':'basic'},{'capability':'d','effect':'deny'}]"));
    }

    @Test
    void eachMalformedOverrideIsNamed() throws Exception {
        assertEquals(List.of("/o/0 [type]: an override must be an object",
                "/o/1 [oneOf]: an override names either a resource (with actions) or a capability, not both",
                "/o/2 [oneOf]: an override names either a resource (with actions) or a capability, not neither",
                "/o/3/actions [type]: actions must be a non-empty array of strings",
                "/o/4/level [enum]: an allowing capability override needs a level: basic, intermediate, advanced or expert",
                "/o/5/effect [enum]: effect must be allow or deny"),
                check("[1,{'resource':'a','capability':'b'},{},{'resource':'r','actions':[1]},{'capability':'c'},"
                        + "{'resource':'r','actions':['a'],'effect':'maybe'}]"));
        assertEquals(List.of("/o [type]: overrides must be an array"), check("{}"));
    }
}
