package dev.palisade.core.execute;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.palisade.core.execute.engine.ExecutionStatus;
import dev.palisade.core.execute.store.LogLine;
import dev.palisade.protocol.PathTemplate;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.SseStream;
import dev.palisade.protocol.Subscription;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Problems;
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

    private static final PathTemplate ONE = PathTemplate.of("/{id}");
    private static final PathTemplate MOVE = PathTemplate.of("/{id}/{move}");
    private static final PathTemplate LOG_STREAM = PathTemplate.of("/{id}/logs/stream");
    private static final Map<String, ExecutionStatus> MOVES = Map.of("pause", ExecutionStatus.PAUSED, "resume",
            ExecutionStatus.RUNNING, "cancel", ExecutionStatus.CANCELLED);

    @Reference
    private transient ExecuteEngine engine;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        if (path.equals("/")) {
            requireMethod(request, "GET");
            writeJson(response, 200, Map.of("executions", engine.list(filter(request, "plan_id"), status(request),
                    limit(request))));
            return;
        }
        Optional<Map<String, String>> one = ONE.match(path);
        if (one.isPresent()) {
            requireMethod(request, "GET");
            String id = one.get().get("id");
            writeJson(response, 200, engine.find(id).orElseThrow(() -> ProtocolProblems.notFound("execution", id)));
            return;
        }
        Optional<Map<String, String>> stream = LOG_STREAM.match(path);
        if (stream.isPresent()) {
            requireMethod(request, "GET");
            stream(stream.get().get("id"), maxEvents(request), response);
            return;
        }
        Optional<Map<String, String>> move = MOVE.match(path);
        if (move.isPresent() && move.get().get("move").equals("logs")) {
            requireMethod(request, "GET");
            String id = move.get().get("id");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("execution_id", id);
            body.put("lines", engine.log(id, 0).stream().map(LogLine::json).toList());
            writeJson(response, 200, body);
            return;
        }
        if (move.isPresent() && MOVES.containsKey(move.get().get("move"))) {
            requireMethod(request, "POST");
            writeJson(response, 200, engine.move(move.get().get("id"), MOVES.get(move.get().get("move"))));
            return;
        }
        throw Problems.noResource(method, request.getRequestURI());
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

    private static void requireMethod(HttpServletRequest request, String allowed) {
        if (!request.getMethod().equals(allowed)) {
            throw Problems.methodNotAllowed(request.getMethod(), request.getRequestURI(), allowed);
        }
    }

    private static String filter(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String status(HttpServletRequest request) {
        String v = filter(request, "status");
        if (v != null && List.of(ExecutionStatus.values()).stream().noneMatch(s -> s.protocolName().equals(v))) {
            throw ProtocolProblems.invalid("the query is invalid", "/status", "enum", "status must be one of pending, "
                    + "running, paused, completed, failed, cancelled; was \"" + v + "\"");
        }
        return v;
    }

    private static int limit(HttpServletRequest request) {
        return (int) number(request, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    }

    private static long maxEvents(HttpServletRequest request) {
        return number(request, "max_events", Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private static long number(HttpServletRequest request, String name, long fallback, long max) {
        String v = filter(request, name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ProtocolProblems.invalid("the query is invalid", "/" + name, "range", name
                + " must be a whole number from 1 to " + max + "; was \"" + v + "\"");
    }
}
