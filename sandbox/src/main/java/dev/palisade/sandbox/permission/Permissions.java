package dev.palisade.sandbox.permission;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shared message pieces for parsing permissions. */
final class Permissions {

    private Permissions() {
    }

    static String kindList() {
        return Arrays.stream(PermissionKind.values()).map(PermissionKind::id).collect(Collectors.joining(", "));
    }

    static InvalidPermissionException unknownKind(String kindId) {
        return NeverGranted.byId(kindId)
                .map(never -> new InvalidPermissionException("permission [" + kindId + "] can never be granted: "
                        + never.why() + "; remove it from security.permissions"))
                .orElseGet(() -> new InvalidPermissionException("unknown permission [" + kindId + "]; use one of "
                        + kindList()));
    }
}
