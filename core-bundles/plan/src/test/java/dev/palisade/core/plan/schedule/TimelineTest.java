package dev.palisade.core.plan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.web.Json;

class TimelineTest {

    private static JsonNode plan(String tasks, String deps) throws Exception {
        return Json.mapper().readTree(("{'id':'p','name':'n','tasks':[" + tasks + "],'dependencies':[" + deps + "]}")
                .replace('\'', '"'));
    }

    private static String task(String id, String duration) {
        return "{'id':'" + id + "','name':'" + id.toUpperCase() + "','type':'atomic'"
                + (duration == null ? "" : ",'estimated_duration':'" + duration + "'") + "}";
    }

    private static String dep(String from, String to, String type) {
        return "{'from_task':'" + from + "','to_task':'" + to + "','type':'" + type + "'}";
    }

    private static ScheduledTask task(Timeline timeline, String id) {
        return timeline.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void finishToStartChainsAndTheShorterBranchHasSlack() throws Exception {
        // a(1h) -> b(2h) -> d(1h); a -> c(30m) -> d
        Timeline t = Timeline.of(plan(task("a", "PT1H") + "," + task("b", "PT2H") + "," + task("c", "PT30M") + ","
                + task("d", "PT1H"), dep("a", "b", "finish_to_start") + "," + dep("b", "d", "finish_to_start") + ","
                + dep("a", "c", "finish_to_start") + "," + dep("c", "d", "finish_to_start")));
        assertEquals(Duration.ofHours(4), t.total());
        assertEquals(List.of("a", "b", "d"), t.criticalPath());
        assertEquals(Duration.ofHours(1), task(t, "c").earliestStart());
        assertEquals(Duration.ofMinutes(90), task(t, "c").slack());
        assertEquals(Duration.ofHours(3), task(t, "d").earliestStart());
    }

    @Test
    void startToStartLetsTheLaterTaskStartWithTheEarlierOne() throws Exception {
        // a(2h) SS b(3h); c(1h) alone: a slipping would push b's start, so a has no slack
        Timeline t = Timeline.of(plan(task("a", "PT2H") + "," + task("b", "PT3H") + "," + task("c", "PT1H"),
                dep("a", "b", "start_to_start")));
        assertEquals(Duration.ZERO, task(t, "b").earliestStart());
        assertEquals(Duration.ofHours(3), t.total());
        assertEquals(Duration.ZERO, task(t, "a").slack());
        assertEquals(Duration.ofHours(2), task(t, "c").slack());
        assertEquals(List.of("a", "b"), t.criticalPath());
    }

    @Test
    void finishToFinishHoldsTheLaterTasksFinish() throws Exception {
        // a(3h) FF b(1h): b may not finish before 3h, so it starts at 2h and drives nothing else
        Timeline t = Timeline.of(plan(task("a", "PT3H") + "," + task("b", "PT1H"), dep("a", "b", "finish_to_finish")));
        assertEquals(Duration.ofHours(2), task(t, "b").earliestStart());
        assertEquals(Duration.ofHours(3), task(t, "b").earliestFinish());
        assertEquals(Duration.ofHours(3), t.total());
        assertEquals(List.of("a", "b"), t.criticalPath());
        assertEquals(Duration.ZERO, task(t, "b").slack());
    }

    @Test
    void aTaskWithoutDurationLastsZeroAndTheJsonUsesIsoDurations() throws Exception {
        Timeline t = Timeline.of(plan(task("a", null) + "," + task("b", "PT15M"), dep("a", "b", "finish_to_start")));
        assertEquals(Duration.ofMinutes(15), t.total());
        assertEquals(Json.mapper().readTree(("{'plan_id':'p','total_duration':'PT15M','critical_path':['a','b'],"
                + "'tasks':[{'task_id':'a','name':'A','duration':'PT0S','earliest_start':'PT0S','earliest_finish':'PT0S',"
                + "'latest_start':'PT0S','latest_finish':'PT0S','slack':'PT0S','critical':true},"
                + "{'task_id':'b','name':'B','duration':'PT15M','earliest_start':'PT0S','earliest_finish':'PT15M',"
                + "'latest_start':'PT0S','latest_finish':'PT15M','slack':'PT0S','critical':true}]}").replace('\'', '"')),
                Json.mapper().valueToTree(t.toJson("p")));
    }
}
