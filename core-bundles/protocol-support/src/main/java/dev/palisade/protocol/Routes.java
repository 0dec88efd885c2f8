package dev.palisade.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.palisade.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A module servlet's resources: method and {@link PathTemplate} (relative to the servlet's pattern) to a
 * handler. A path no template matches answers 404 {@code not-found}; a matched path with another method
 * 405 {@code method-not-allowed} naming the methods it has. Immutable once built; thread-safe.
 */
public final class Routes {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param path the named segments of the matched template
         * @throws dev.palisade.host.bridge.HostProblem for what the caller should hear about
         */
        void handle(Map<String, String> path, HttpServletRequest request, HttpServletResponse response)
                throws IOException;
    }

    private record Route(String method, PathTemplate template, Handler handler) {
    }

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers the request with the first route whose method and template match.
     *
     * @param path the request's path below the servlet's pattern ({@code getPathInfo()}; {@code null} is
     *             {@code /})
     */
    public void dispatch(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String relative = path == null || path.isEmpty() ? "/" : path;
        Set<String> methods = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> match = route.template().match(relative);
            if (match.isPresent()) {
                if (route.method().equals(request.getMethod())) {
                    route.handler().handle(match.get(), request, response);
                    return;
                }
                methods.add(route.method());
            }
        }
        if (methods.isEmpty()) {
            throw Problems.noResource(request.getMethod(), request.getRequestURI());
        }
        throw Problems.methodNotAllowed(request.getMethod(), request.getRequestURI(), String.join(", ", methods));
    }

    /** Collects routes; not thread-safe. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /** Adds a route; earlier routes win when several match. */
        public Builder on(String method, String template, Handler handler) {
            routes.add(new Route(method, PathTemplate.of(template), handler));
            return this;
        }

        public Routes build() {
            return new Routes(routes);
        }
    }
}
