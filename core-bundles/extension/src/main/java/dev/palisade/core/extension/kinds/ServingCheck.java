package dev.palisade.core.extension.kinds;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.core.extension.grant.PermissionJson;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.host.bridge.HostProblem;

/** The checks before a caller names one extension to call: the right kind, and started. */
public final class ServingCheck {

    private ServingCheck() {
    }

    /**
     * @param extension the extension a caller named
     * @param kind      the kind the call needs
     * @param use       what the call is, for the message ({@code executed}, {@code asked to export})
     * @throws HostProblem 409 {@link ExtensionKind#mismatchCode()} ({@code not-a-plugin}, {@code not-an-adapter})
     *         naming the extension's kind and what it answers; 409 {@code extension-pending} naming what awaits
     *         approval
     */
    public static void require(ActiveExtension extension, ExtensionKind kind, String use) {
        if (extension.kind() != kind) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("extension", extension.id());
            props.put("type", extension.type());
            props.put("events", extension.events());
            throw new HostProblem(409, kind.mismatchCode(), "Not " + article(kind.type()),
                    "extension " + extension.label() + " is " + article(extension.type()) + ", not "
                            + article(kind.type()) + ", so it cannot be " + use + "; " + whatItDoes(extension),
                    props);
        }
        if (extension.pending()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("extension", extension.id());
            props.put("state", extension.state());
            props.put("pending", PermissionJson.list(extension.permissions().pending()));
            throw new HostProblem(409, "extension-pending", "The extension awaits approval",
                    "extension " + extension.label() + " is installed but not started: it waits for approval of "
                            + PermissionJson.text(extension.permissions().pending()) + "; an operator approves with"
                            + " POST /api/v1/mplp/extensions/" + extension.id() + "/grant", props);
        }
    }

    private static String whatItDoes(ActiveExtension extension) {
        switch (extension.kind()) {
            case HOOK:
                return "the host calls it for the events it lists: " + String.join(", ", extension.events());
            case POLICY:
                return "the host asks it the questions it lists: " + String.join(", ", extension.events());
            case ADAPTER:
                return "protocol modules have it export what it lists: " + String.join(", ", extension.events());
            default:
                return "execute its methods with POST /api/v1/mplp/extensions/" + extension.name() + "/execute: "
                        + String.join(", ", extension.methods());
        }
    }

    private static String article(String type) {
        return (type.startsWith("a") ? "an " : "a ") + type;
    }
}
