package dev.palisade.core.plan.schedule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task's place in a {@link Timeline}; times are offsets from the plan's start.
 *
 * @param id             the task's id
 * @param name           the task's name
 * @param duration       its estimated duration (zero when none was given)
 * @param earliestStart  the soonest it can start
 * @param earliestFinish the soonest it can finish
 * @param latestStart    the latest it can start without moving the plan's end
 * @param latestFinish   the latest it can finish without moving the plan's end
 */
public record ScheduledTask(String id, String name, Duration duration, Duration earliestStart,
        Duration earliestFinish, Duration latestStart, Duration latestFinish) {

    /** @return how long the task may slip without moving the plan's end */
    public Duration slack() {
        return latestStart.minus(earliestStart);
    }

    /** @return whether the task has no slack */
    public boolean critical() {
        return slack().isZero();
    }

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", id);
        out.put("name", name);
        out.put("duration", duration.toString());
        out.put("earliest_start", earliestStart.toString());
        out.put("earliest_finish", earliestFinish.toString());
        out.put("latest_start", latestStart.toString());
        out.put("latest_finish", latestFinish.toString());
        out.put("slack", slack().toString());
        out.put("critical", critical());
        return out;
    }
}
