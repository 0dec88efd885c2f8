package dev.palisade.core.extension.deploy;

import java.util.Optional;

import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.registry.ExtensionRegistry;

/**
 * Decides what a checked jar may do to the registry: serve as a new extension, replace the serving
 * version of its id, change nothing (the same jar already serves), or be refused. Rules: a name belongs
 * to one id; the same version serves once (a byte-identical jar is an idempotent no-op); a lower version
 * is a downgrade and refused; an update must be signed with the same publisher key as the serving
 * version (publisher pinning: another trusted key cannot take over an extension). Stateless; the caller
 * holds the deployment lock so the registry cannot change between the decision and the switch.
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

    /**
     * The checked jar asking to serve.
     *
     * @param id          its extension id
     * @param name        its extension name
     * @param version     its version
     * @param sha256      hex SHA-256 of the jar
     * @param publisher   the signer certificate's subject
     * @param fingerprint hex SHA-256 of the signer certificate
     */
    public record Candidate(String id, String name, String version, String sha256, String publisher,
            String fingerprint) {
    }

    private UpdatePolicy() {
    }

    /**
     * @param registry  the serving extensions
     * @param candidate the checked jar
     * @return the decision
     */
    public static Decision decide(ExtensionRegistry registry, Candidate candidate) {
        String id = candidate.id();
        String name = candidate.name();
        String version = candidate.version();
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
            if (serving.sha256().equals(candidate.sha256())) {
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
        if (!serving.fingerprint().equals(candidate.fingerprint())) {
            return new Decision(Kind.REFUSED, serving, Reasons.PUBLISHER_CHANGED,
                    "version " + version + " of " + name + " is signed by " + candidate.publisher()
                            + " (certificate SHA-256 " + candidate.fingerprint() + "), but the serving version "
                            + serving.version() + " was signed by " + serving.publisher() + " (certificate SHA-256 "
                            + serving.fingerprint() + "); an update must be signed with the same publisher key:"
                            + " sign it with that key, or undeploy " + name + " first to accept a new publisher");
        }
        return new Decision(Kind.REPLACE, serving, null, null);
    }
}
