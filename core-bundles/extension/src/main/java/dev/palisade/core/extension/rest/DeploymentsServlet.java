package dev.palisade.core.extension.rest;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Problems;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/mplp/deployments}: {@code {"deployments":[record...]}}, newest first. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/mplp/deployments",
        "osgi.http.whiteboard.servlet.name=palisade-deployments" })
public final class DeploymentsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    private ExtensionHost host;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo != null && !pathInfo.isEmpty() && !"/".equals(pathInfo)) {
            throw Problems.noResource(request.getMethod(), pathOf(request));
        }
        if (!"GET".equals(request.getMethod())) {
            throw Problems.methodNotAllowed(request.getMethod(), pathOf(request), "GET");
        }
        writeJson(response, 200, Map.of("deployments", host.deployments()));
    }
}
