package dev.palisade.samples.trackeradapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.api.capability.ExtensionHttp;
import dev.palisade.api.capability.HttpResult;
import dev.palisade.api.extension.Adapter;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.extension.InvalidInputException;
import dev.palisade.api.extension.InvocationContext;

/**
 * Exports a plan to an issue tracker: for each task, in order, POSTs {@code {"title", "plan_id", "task_id",
 * "priority"}} as JSON to {@code options.endpoint} through the HTTP capability (so only a granted
 * {@code net.connect} target is reachable) and reads the created issue's {@code id} from the tracker's JSON
 * answer (status 200 or 201). Answers {@code {"issues": [{"task_id", "issue_id"}]}}. A tracker that refuses an
 * issue stops the export with {@code tracker_refused} naming the task and the status; issues created before it
 * are listed in the message so they can be cleaned up. Stateless and thread-safe.
 */
public final class TrackerAdapter implements Adapter {

    private static final Duration PER_ISSUE = Duration.ofSeconds(3);

    @Override
    public Map<String, Object> export(String objectType, Map<String, Object> plan, Map<String, Object> options,
            InvocationContext context) {
        if (!(options.get("endpoint") instanceof String endpoint)
                || !(endpoint.startsWith("http://") || endpoint.startsWith("https://"))) {
            throw new InvalidInputException("/endpoint", "options.endpoint must be the tracker's http(s) URL for new"
                    + " issues, such as http://127.0.0.1:8081/issues");
        }
        List<?> tasks = plan.get("tasks") instanceof List<?> list ? list : List.of();
        ExtensionHttp http = context.capabilities().http();
        List<Object> issues = new ArrayList<>();
        for (Object task : tasks) {
            Map<?, ?> fields = task instanceof Map<?, ?> map ? map : Map.of();
            Object taskId = fields.get("id");
            String body = JsonText.object(List.of(
                    "title", String.valueOf(fields.get("name")),
                    "plan_id", String.valueOf(plan.get("id")),
                    "task_id", String.valueOf(taskId),
                    "priority", String.valueOf(fields.containsKey("priority") ? fields.get("priority") : "medium")));
            HttpResult result = http.send("POST", endpoint, Map.of("Content-Type", "application/json"), body,
                    PER_ISSUE);
            String issueId = result.status() == 200 || result.status() == 201 ? JsonText.field(result.body(), "id")
                    : null;
            if (issueId == null) {
                throw new ExtensionException("tracker_refused", "the tracker at " + endpoint + " answered "
                        + result.status() + " without an issue id for task " + taskId + "; issues created before it: "
                        + issues);
            }
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("task_id", String.valueOf(taskId));
            issue.put("issue_id", issueId);
            issues.add(issue);
        }
        return Map.of("issues", issues);
    }
}
