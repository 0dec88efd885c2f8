package dev.palisade.core.extension.deploy;

import java.util.Optional;

import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionRegistry;

/**
 * Decides what a checked jar may do to the registry: serve as a new extension, replace the serving
 * version of its id, change nothing (the same jar already serves), or be refused. Rules: a name belongs
 * to one id; the same version serves once (a byte-identical jar is an idempotent no-op); a lower version
 * is a downgrade and refused. Stateless; the caller holds the deployment lock so the registry cannot
 * change between the decision and the switch.
 */
public final class UpdatePolicy {

    /** What the jar may do. */
    public enum Kind {
        /** No version of this id serves: deploy it. */
        NEW,
        /** A lower version serves: replace it. */
        REPLACE,
        /** This very jar serves already. */
        UNCHANGED,
        /** Refused; see the decision's code and detail. */
        REFUSED
    }

    /**
     * @param kind     what the jar may do
     * @param previous the version serving under the same id, if any
     * @param code     for REFUSED, the {@link Reasons} code
     * @param detail   for REFUSED and UNCHANGED, what was found and what to do
     */
    public record Decision(Kind kind, ActiveExtension previous, String code, String detail) {
    }

    private UpdatePolicy() {
    }

    /**
     * @param registry the serving extensions
     * @param id       the jar's extension id
     * @param name     the jar's extension name
     * @param version  the jar's version
     * @param sha256   hex SHA-256 of the jar
     * @return the decision
     */
    public static Decision decide(ExtensionRegistry registry, String id, String name, String version, String sha256) {
        Optional<ActiveExtension> sameName = registry.byName(name);
        if (sameName.isPresent() && !sameName.get().id().equals(id)) {
            ActiveExtension other = sameName.get();
            return new Decision(Kind.REFUSED, null, Reasons.NAME_TAKEN,
                    "the name '" + name + "' is already used by extension " + other.id() + " (version "
                            + other.version() + "), and this jar has id " + id
                            + "; choose another name, or undeploy that extension first");
        }
        Optional<ActiveExtension> sameId = registry.byId(id);
        if (sameId.isEmpty()) {
            return new Decision(Kind.NEW, null, null, null);
        }
        ActiveExtension serving = sameId.get();
        int order = Versions.compare(version, serving.version());
        if (order == 0) {
            if (serving.sha256().equals(sha256)) {
                return new Decision(Kind.UNCHANGED, serving, Reasons.UNCHANGED,
                        "version " + version + " of " + name + " is already deployed from a byte-identical jar;"
                                + " nothing changed");
            }
            return new Decision(Kind.REFUSED, serving, Reasons.ALREADY_DEPLOYED,
                    "version " + version + " of " + name + " is already deployed; raise the version to update");
        }
        if (order < 0) {
            return new Decision(Kind.REFUSED, serving, Reasons.DOWNGRADE,
                    "version " + version + " of " + name + " is lower than the serving version "
                            + serving.version() + "; downgrades are refused: deploy a version higher than "
                            + serving.version() + ", or undeploy the extension first");
        }
        return new Decision(Kind.REPLACE, serving, null, null);
    }
}
