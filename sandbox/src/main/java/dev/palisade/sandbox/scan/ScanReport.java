package dev.palisade.sandbox.scan;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the install-time scan found in one extension jar: every guarded and every forbidden site,
 * in jar order. Immutable.
 *
 * @param classes how many class files were scanned
 * @param rows    the sensitive sites
 */
public record ScanReport(int classes, List<ScanRow> rows) {

    /** At most this many forbidden sites are spelled out in a refusal; the report holds all. */
    static final int MAX_LISTED = 50;

    public ScanReport {
        rows = List.copyOf(rows);
    }

    /** @return the sites that make the jar refused */
    public List<ScanRow> forbidden() {
        return rows.stream().filter(ScanRow::isForbidden).toList();
    }

    /** @return the sites checked at run time */
    public List<ScanRow> guarded() {
        return rows.stream().filter(row -> !row.isForbidden()).toList();
    }

    /** @return the permissions the guarded sites need, each once, in order of first use */
    public Set<String> permissionsNeeded() {
        Set<String> permissions = new LinkedHashSet<>();
        for (ScanRow row : guarded()) {
            permissions.addAll(List.of(row.permission().split("\\+")));
        }
        return permissions;
    }

    /**
     * @throws DeploymentRefusedException FORBIDDEN_CALL listing each forbidden site as
     *                                    {@code class.method:line -> member [category]} and saying what to do
     */
    public void requireNoForbiddenCalls() {
        List<ScanRow> forbidden = forbidden();
        if (forbidden.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder("the jar's code uses what extensions may not use (")
                .append(forbidden.size()).append(forbidden.size() == 1 ? " site" : " sites").append("):");
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ScanRow row : forbidden.subList(0, Math.min(forbidden.size(), MAX_LISTED))) {
            detail.append("\n  ").append(row.location()).append(" -> ").append(row.member())
                    .append(" [").append(row.permission()).append(']');
            reasons.putIfAbsent(row.permission(), row.reason());
        }
        if (forbidden.size() > MAX_LISTED) {
            detail.append("\n  ... and ").append(forbidden.size() - MAX_LISTED).append(" more in the scan report");
        }
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            detail.append("\n").append(reason.getKey()).append(": ").append(reason.getValue());
        }
        detail.append("\nremove these uses from the extension (and the libraries it packs) and rebuild the jar");
        throw new DeploymentRefusedException(RefusalReason.FORBIDDEN_CALL, detail.toString());
    }

    /** @return the report as JSON-compatible values: classes, guarded and forbidden counts, rows */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("classes", classes);
        json.put("guarded", guarded().size());
        json.put("forbidden", forbidden().size());
        json.put("permissions_needed", List.copyOf(permissionsNeeded()));
        json.put("rows", rows.stream().map(ScanRow::toJson).toList());
        return json;
    }
}
