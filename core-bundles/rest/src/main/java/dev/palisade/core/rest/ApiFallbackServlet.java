package dev.palisade.core.rest;

import org.osgi.service.component.annotations.Component;

import dev.palisade.web.ApiServlet;
import dev.palisade.web.Problems;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Claims {@code /api/*} so that any path there which no more specific servlet serves answers 404
 * {@code application/problem+json} ({@code type urn:palisade:problem:not-found}) naming the method and
 * path. The whiteboard picks the longest matching pattern, so resources such as
 * {@code /api/v1/mplp/extensions/*} always win over this one.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=palisade-api-fallback" })
public final class ApiFallbackServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw Problems.noResource(request.getMethod(), pathOf(request));
    }
}
