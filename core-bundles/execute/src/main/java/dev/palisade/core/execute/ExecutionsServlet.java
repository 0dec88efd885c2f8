package dev.palisade.core.execute;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.palisade.core.execute.engine.ExecutionStatus;
import dev.palisade.core.execute.store.LogLine;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.QueryValues;
import dev.palisade.protocol.Routes;
import dev.palisade.protocol.SseStream;
import dev.palisade.protocol.Subscription;
import dev.palisade.web.ApiServlet;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/mplp/executions}: GET lists ({@code ?plan_id=&status=&limit=}, newest first, without tasks);
 * {@code /{id}}: GET the execution with its tasks; {@code /{id}/pause|resume|cancel}: POST moves it (409
 * {@code invalid-transition} naming the allowed moves); {@code /{id}/logs}: GET {@code {execution_id,
 * lines}}; {@code /{id}/logs/stream?max_events=}: server-sent events {@code log}, the log so far then the live
 * lines, ending with the execution (or after {@code max_events}).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/mplp/executions/*",
        "osgi.http.whiteboard.servlet.name=palisade-executions" })
public final class ExecutionsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int STREAM_BACKLOG = 4096;

    private static final Map<String, ExecutionStatus> MOVES = Map.of("pause", ExecutionStatus.PAUSED, "resume",
            ExecutionStatus.RUNNING, "cancel", ExecutionStatus.CANCELLED);
    private static final Set<String> STATUSES = Stream.of(ExecutionStatus.values())
            .map(ExecutionStatus::protocolName).collect(Collectors.toUnmodifiableSet());

    @Reference
    private transient ExecuteEngine engine;

    private final transient Routes routes = routes();

    private Routes routes() {
        Routes.Builder b = Routes.builder()
                .on("GET", "/", (v, req, resp) -> list(req, resp))
                .on("GET", "/{id}", (v, req, resp) -> writeJson(resp, 200, engine.find(v.get("id"))
                        .orElseThrow(() -> ProtocolProblems.notFound("execution", v.get("id")))))
                .on("GET", "/{id}/logs", (v, req, resp) -> logs(v.get("id"), resp))
                .on("GET", "/{id}/logs/stream", (v, req, resp) -> stream(v.get("id"),
                        QueryValues.number(req, "max_events", Long.MAX_VALUE, 1, Long.MAX_VALUE), resp));
        MOVES.forEach((move, to) -> b.on("POST", "/{id}/" + move,
                (v, req, resp) -> writeJson(resp, 200, engine.move(v.get("id"), to))));
        return b.build();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int limit = (int) QueryValues.number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        writeJson(response, 200, Map.of("executions", engine.list(request.getParameter("plan_id"),
                QueryValues.oneOf(request, "status", STATUSES), limit)));
    }

    private void logs(String id, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("execution_id", id);
        body.put("lines", engine.log(id, 0).stream().map(LogLine::json).toList());
        writeJson(response, 200, body);
    }

    private void stream(String id, long maxEvents, HttpServletResponse response) throws IOException {
        LogFollow follow = engine.follow(id, STREAM_BACKLOG);
        try (Subscription<LogLine> live = follow.live()) {
            SseStream out = SseStream.open(response);
            long sent = 0;
            for (LogLine line : follow.backlog()) {
                if (sent == maxEvents) {
                    return;
                }
                out.send("log", line.json());
                sent++;
            }
            out.pump(live, "log", LogLine::json, HEARTBEAT, maxEvents - sent);
        } catch (IOException clientGone) {
            // the client went away: the stream simply ends
        }
    }
}
