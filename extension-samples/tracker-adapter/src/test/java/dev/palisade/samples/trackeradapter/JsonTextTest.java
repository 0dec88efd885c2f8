package dev.palisade.samples.trackeradapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void writesStringMembersEscaped() {
        assertEquals("{\"title\":\"say \\\"hi\\\"\\u000a\",\"task_id\":\"t1\"}",
                JsonText.object(List.of("title", "say \"hi\"\n", "task_id", "t1")));
    }

    @Test
    void readsAStringOrNumberIdAndNothingElse() {
        assertEquals("ISSUE-7", JsonText.field("{\"id\": \"ISSUE-7\", \"title\": \"x\"}", "id"));
        assertEquals("42", JsonText.field("{\"id\":42}", "id"));
        assertNull(JsonText.field("{\"id\":{\"n\":1}}", "id"));
        assertNull(JsonText.field("{\"title\":\"x\"}", "id"));
        assertNull(JsonText.field(null, "id"));
    }
}
