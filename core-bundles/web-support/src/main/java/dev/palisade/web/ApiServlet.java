package dev.palisade.web;

import java.io.IOException;
import java.util.Map;

import dev.palisade.host.bridge.HostProblem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Base of the core bundles' JSON servlets. Subclasses answer in {@link #handle}; a {@link HostProblem}
 * thrown from there becomes its problem document, any other exception a 500 {@code internal-error}
 * problem naming the exception (and is logged). Called by the HTTP whiteboard on its request threads;
 * subclasses must be thread-safe.
 */
public abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            handle(request, response);
        } catch (HostProblem problem) {
            writeProblem(response, problem);
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.ERROR, "request " + request.getMethod() + " " + request.getRequestURI()
                    + " failed", e);
            writeProblem(response, new HostProblem(500, "internal-error", "Internal error",
                    "the host failed while answering " + request.getMethod() + " " + request.getRequestURI() + ": "
                            + e.getClass().getName() + ": " + e.getMessage()
                            + "; see the host log for the stack trace",
                    Map.of()));
        }
    }

    /**
     * Answers one request.
     *
     * @throws HostProblem for every client or host error that has a meaning for the caller
     */
    protected abstract void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** @return the request's path as the client sent it, without the query */
    protected static String pathOf(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** Writes {@code body} as {@code application/json} with the given status. */
    public static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.write(response.getOutputStream(), body);
    }

    /**
     * Writes the problem's document as {@code application/problem+json} with its status; a 405's {@code allowed}
     * property becomes {@code Allow}, a {@code retry_after_seconds} property {@code Retry-After}.
     */
    public static void writeProblem(HttpServletResponse response, HostProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (problem.status() == 405 && problem.properties().get("allowed") instanceof String allowed) {
            response.setHeader("Allow", allowed);
        }
        if (problem.properties().get("retry_after_seconds") instanceof Integer seconds) {
            response.setHeader("Retry-After", seconds.toString());
        }
        Json.write(response.getOutputStream(), Problems.document(problem));
    }
}
