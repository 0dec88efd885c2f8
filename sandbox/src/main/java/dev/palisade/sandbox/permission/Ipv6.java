package dev.palisade.sandbox.permission;

import java.util.ArrayList;
import java.util.List;

/** Canonical text of IPv6 literals, without any name lookup. */
final class Ipv6 {

    private Ipv6() {
    }

    /**
     * @param text an IPv6 literal without brackets, e.g. {@code ::1} or {@code ::ffff:10.0.0.1}; zone
     *             suffixes ({@code %eth0}) are not accepted
     * @return eight lower-case hex groups without leading zeros joined by ':', or {@code null} if invalid
     */
    static String expand(String text) {
        if (text.isEmpty() || !text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        String body = text;
        int lastColon = text.lastIndexOf(':');
        if (lastColon < 0) {
            return null;
        }
        String last = text.substring(lastColon + 1);
        if (last.contains(".")) {
            String[] octets = last.split("\\.", -1);
            if (octets.length != 4) {
                return null;
            }
            int[] bytes = new int[4];
            for (int i = 0; i < 4; i++) {
                if (!octets[i].matches("\\d{1,3}") || Integer.parseInt(octets[i]) > 255) {
                    return null;
                }
                bytes[i] = Integer.parseInt(octets[i]);
            }
            body = text.substring(0, lastColon + 1) + Integer.toHexString(bytes[0] << 8 | bytes[1]) + ":"
                    + Integer.toHexString(bytes[2] << 8 | bytes[3]);
        }
        int gap = body.indexOf("::");
        if (gap >= 0 && body.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<String> head = groups(gap < 0 ? body : body.substring(0, gap), gap < 0);
        List<String> tail = gap < 0 ? List.of() : groups(body.substring(gap + 2), false);
        if (head == null || tail == null) {
            return null;
        }
        int present = head.size() + tail.size();
        if (gap < 0 ? present != 8 : present > 7) {
            return null;
        }
        List<String> all = new ArrayList<>(head);
        for (int i = present; i < 8; i++) {
            all.add("0");
        }
        all.addAll(tail);
        StringBuilder out = new StringBuilder();
        for (String group : all) {
            if (group.isEmpty() || group.length() > 4 || group.contains(".")) {
                return null;
            }
            if (out.length() > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(Integer.parseInt(group, 16)));
        }
        return out.toString();
    }

    private static List<String> groups(String part, boolean keepEmpty) {
        if (part.isEmpty()) {
            return keepEmpty ? null : List.of();
        }
        List<String> groups = List.of(part.split(":", -1));
        return groups.contains("") ? null : groups;
    }
}
