package dev.palisade.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.host.bridge.BackupSummary;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.host.bridge.StoreProgress;
import dev.palisade.host.bridge.StoreStatus;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Json;
import dev.palisade.web.Problems;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The store's loopback admin resources (HTTP binds 127.0.0.1 only):
 * <ul>
 * <li>{@code GET /api/v1/admin/store}: the store's status, 200 when up, else a 503
 * {@code store-unavailable} problem with the store's one-line reason.</li>
 * <li>{@code GET /api/v1/admin/store/backup}: a backup taken from one consistent snapshot while the host
 * keeps writing, as {@code application/gzip} with its {@code Content-Length}; the header
 * {@value #SUMMARY_HEADER} holds what it contains as JSON. The backup is written to a temporary file in
 * {@code data/admin/} first and removed once sent.</li>
 * <li>{@code POST /api/v1/admin/store/restore}: refused, 409 {@code restore-needs-stopped-host}: a
 * restore replaces the whole store under the modules that serve from it; stop the host and run
 * {@code palisade restore FILE}.</li>
 * </ul>
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/admin/store/*",
        "osgi.http.whiteboard.servlet.name=palisade-admin-store" })
public final class StoreAdminServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    static final String BASE = "/api/v1/admin/store";
    static final String SUMMARY_HEADER = "Palisade-Backup-Summary";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StoreAdmin store;

    private transient Path workDir;

    @Activate
    void activate(BundleContext context) {
        String data = context.getProperty("palisade.data.dir");
        workDir = (data == null ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(data)).resolve("admin");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        switch (path) {
            case BASE, BASE + "/" -> {
                requireMethod(request, "GET");
                StoreStatus status = StoreAdmins.require(store).status();
                if (!status.up()) {
                    throw StoreAdmins.unavailable(status);
                }
                writeJson(response, 200, status);
            }
            case BASE + "/backup" -> {
                requireMethod(request, "GET");
                sendBackup(StoreAdmins.require(store), response);
            }
            case BASE + "/restore" -> {
                requireMethod(request, "POST");
                throw new HostProblem(409, "restore-needs-stopped-host", "Restore needs a stopped host",
                        "a restore replaces the whole store under the modules that serve from it, so it is not done"
                                + " while the host runs; stop the host first, then run palisade restore FILE",
                        Map.of());
            }
            default -> throw Problems.noResource(request.getMethod(), path);
        }
    }

    private void sendBackup(StoreAdmin admin, HttpServletResponse response) throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("backup-" + UUID.randomUUID() + ".gz");
        try {
            BackupSummary summary = admin.backup(file, StoreProgress.NONE);
            response.setStatus(200);
            response.setContentType("application/gzip");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Disposition", "attachment; filename=\"palisade-backup.gz\"");
            response.setHeader(SUMMARY_HEADER, Json.mapper().writeValueAsString(summary));
            response.setContentLengthLong(Files.size(file));
            try (InputStream in = Files.newInputStream(file); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void requireMethod(HttpServletRequest request, String allowed) {
        if (!allowed.equals(request.getMethod())) {
            throw Problems.methodNotAllowed(request.getMethod(), pathOf(request), allowed);
        }
    }
}
