package dev.palisade.core.extension.rest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.extension.ExtensionSettings;
import dev.palisade.core.extension.LocalExtensionHost;
import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.stage.StagingLimits;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Json;
import dev.palisade.web.Problems;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/mplp/extensions}: GET lists, POST uploads a jar (the raw request body, any content type,
 * optional {@code ?filename=x.jar}); {@code /api/v1/mplp/extensions/{idOrName}}: GET shows (with quarantine,
 * pending permissions and run-time accounting), DELETE removes; under it, {@code /execute}: POST
 * {@code {"method","input"}} invokes; {@code /permissions}: GET requested versus granted; {@code /grant}: POST
 * approves (an empty body: everything pending; {@code {"permissions": [{"permission","target"}]}}: those) and
 * starts the extension once nothing is pending; {@code /release}: POST lifts a quarantine; {@code /scan}: GET
 * the install-time bytecode scan report.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/mplp/extensions/*",
        "osgi.http.whiteboard.servlet.name=palisade-extensions" })
public final class ExtensionsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    /** The largest execute request body. */
    static final long MAX_EXECUTE_BYTES = 4L * 1024 * 1024;

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,123}\\.[jJ][aA][rR]");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Reference
    private LocalExtensionHost host;

    private Path incomingDir;
    private long maxUploadBytes;

    @Activate
    void activate(BundleContext context) {
        incomingDir = ExtensionSettings.from(context::getProperty).incomingDir();
        maxUploadBytes = StagingLimits.defaults().maxJarBytes();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        List<String> segments = segments(request.getPathInfo());
        if (segments.isEmpty()) {
            switch (method) {
                case "GET" -> writeJson(response, 200, Map.of("extensions", host.extensions()));
                case "POST" -> upload(request, response);
                default -> throw Problems.methodNotAllowed(method, pathOf(request), "GET, POST");
            }
        } else if (segments.size() == 1) {
            String idOrName = segments.get(0);
            switch (method) {
                case "GET" -> writeJson(response, 200, host.details(idOrName));
                case "DELETE" -> writeJson(response, 200, host.undeploy(idOrName, DeploymentSource.REST));
                default -> throw Problems.methodNotAllowed(method, pathOf(request), "GET, DELETE");
            }
        } else if (segments.size() == 2) {
            String idOrName = segments.get(0);
            switch (segments.get(1)) {
                case "execute" -> {
                    requireMethod("POST", request);
                    execute(idOrName, request, response);
                }
                case "permissions" -> {
                    requireMethod("GET", request);
                    writeJson(response, 200, host.permissions(idOrName));
                }
                case "grant" -> {
                    requireMethod("POST", request);
                    List<Permission> chosen = GrantRequests.read(request);
                    writeJson(response, 200, host.grant(idOrName, chosen, "operator via REST from "
                            + request.getRemoteAddr()));
                }
                case "release" -> {
                    requireMethod("POST", request);
                    writeJson(response, 200, host.release(idOrName, "operator via REST from " + request.getRemoteAddr()));
                }
                case "scan" -> {
                    requireMethod("GET", request);
                    writeJson(response, 200, host.scan(idOrName));
                }
                default -> throw Problems.noResource(method, pathOf(request));
            }
        } else {
            throw Problems.noResource(method, pathOf(request));
        }
    }

    private static void requireMethod(String allowed, HttpServletRequest request) {
        if (!allowed.equals(request.getMethod())) {
            throw Problems.methodNotAllowed(request.getMethod(), pathOf(request), allowed);
        }
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String fileName = fileName(request.getQueryString());
        Path folder = incomingDir.resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        try {
            Path jar = folder.resolve(fileName);
            RequestBodies.copyTo(request, jar, maxUploadBytes);
            DeploymentRecord record = host.deploy(jar, DeploymentSource.REST);
            if (!record.succeeded()) {
                throw DeploymentResponses.problemOf(record);
            }
            int status = DeploymentResponses.statusOf(record);
            if (status == 201) {
                response.setHeader("Location", "/api/v1/mplp/extensions/" + record.extensionId());
            }
            writeJson(response, status, record);
        } finally {
            deleteTree(folder);
        }
    }

    private void execute(String idOrName, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (host.extension(idOrName).isEmpty()) {
            throw DeploymentPipeline.notFound(idOrName);
        }
        JsonNode body = RequestBodies.readJsonObject(request, MAX_EXECUTE_BYTES);
        JsonNode method = body.get("method");
        if (method == null || !method.isTextual() || method.asText().isEmpty()) {
            throw new HostProblem(400, "invalid-request", "Invalid request",
                    "the request body has no \"method\" string; send {\"method\": \"<name>\", \"input\": {...}}",
                    Map.of("pointer", "/method"));
        }
        JsonNode input = body.get("input");
        Map<String, Object> inputMap;
        if (input == null || input.isNull()) {
            inputMap = new LinkedHashMap<>();
        } else if (input.isObject()) {
            inputMap = Json.mapper().convertValue(input, MAP);
        } else {
            throw new HostProblem(400, "invalid-request", "Invalid request",
                    "\"input\" is a JSON " + input.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + "; send the method's input as a JSON object",
                    Map.of("pointer", "/input"));
        }
        Object output = host.invoke(idOrName, method.asText(), inputMap);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("output", output);
        writeJson(response, 200, answer);
    }

    /** @return the validated {@code filename} query parameter, or {@code upload.jar} */
    static String fileName(String query) {
        String name = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if ("filename".equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    name = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        if (name == null) {
            return "upload.jar";
        }
        if (!FILE_NAME.matcher(name).matches()) {
            throw new HostProblem(400, "invalid-filename", "Invalid file name",
                    "filename '" + name + "' is not accepted; use a plain file name of letters, digits, '.', '_'"
                            + " and '-' that ends in .jar, such as text-tools-1.0.0.jar",
                    Map.of("filename", name));
        }
        return name;
    }

    /** @return the non-empty path segments after the servlet path */
    static List<String> segments(String pathInfo) {
        if (pathInfo == null) {
            return List.of();
        }
        return Stream.of(pathInfo.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the incoming folder is emptied at the next start
        }
    }
}
