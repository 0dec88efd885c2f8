package dev.palisade.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void readsTheAdminAnswers() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("entriesChecked", 12L);
        expected.put("brokenSeq", null);
        expected.put("description", "audit \"log\" \\ intact\n\u00e9");
        expected.put("rows", Map.of("grants", 0L));
        expected.put("list", Arrays.asList(1.5, true, false, null, List.of()));
        assertEquals(expected, MiniJson.parse(" {\"entriesChecked\":12, \"brokenSeq\":null,"
                + "\"description\":\"audit \\\"log\\\" \\\\ intact\\n\\u00e9\",\"rows\":{\"grants\":0},"
                + "\"list\":[1.5,true,false,null,[]]} "));
    }

    @Test
    void malformedTextIsRefusedWithItsOffset() {
        assertEquals("JSON expected '}' at offset 6",
                assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":1")).getMessage());
        assertEquals("JSON trailing content at offset 3",
                assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{} x")).getMessage());
        assertEquals(Map.of(), MiniJson.object("<html>"));
    }
}
