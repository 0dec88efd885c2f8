package dev.palisade.core.extension.deploy;

/**
 * The bracketed codes that start every record reason, and how to read them back. A reason is
 * {@code "[" + code + "] " + text}. Refusal codes of the sandbox ({@code untrusted-signer}, ...) are
 * used unchanged. Stateless.
 */
public final class Reasons {

    /** A first version now serves. */
    public static final String DEPLOYED = "deployed";
    /** A new version now serves in place of an earlier one. */
    public static final String REPLACED = "replaced";
    /** The same jar already serves; nothing changed. */
    public static final String UNCHANGED = "unchanged";
    /** The extension was removed. */
    public static final String UNDEPLOYED = "undeployed";
    /** The same version, with different bytes, already serves. */
    public static final String ALREADY_DEPLOYED = "already-deployed";
    /** The jar's version is lower than the serving one. */
    public static final String DOWNGRADE = "downgrade";
    /** Another extension (other id) already uses the name. */
    public static final String NAME_TAKEN = "name-taken";
    /** An update is signed by another publisher key than the serving version. */
    public static final String PUBLISHER_CHANGED = "publisher-changed";
    /** The jar could not be read. */
    public static final String UNREADABLE = "unreadable";
    /** The operator's trust store could not be read. */
    public static final String TRUST_STORE_UNREADABLE = "trust-store-unreadable";
    /** A method schema cannot be compiled. */
    public static final String INVALID_SCHEMA = "invalid-schema";
    /** The framework refused to install the bundle. */
    public static final String INSTALL_FAILED = "install-failed";
    /** The bundle's requirements could not be wired. */
    public static final String UNRESOLVED = "unresolved";
    /** The bundle did not start. */
    public static final String START_FAILED = "start-failed";
    /** The entry class is not in the bundle or cannot be loaded. */
    public static final String ENTRY_CLASS_MISSING = "entry-class-missing";
    // An entry class that does not implement its kind's interface: ExtensionKind.mismatchCode() (not-a-plugin, ...).
    /** The entry class has no public no-argument constructor or cannot be instantiated. */
    public static final String NOT_INSTANTIABLE = "not-instantiable";
    /** The entry class's constructor threw. */
    public static final String CONSTRUCTOR_FAILED = "constructor-failed";
    /** Installed, not started: some requested permissions wait for an operator's approval. */
    public static final String PENDING_APPROVAL = "pending-approval";
    /** An operator approved the pending permissions; the version now serves. */
    public static final String APPROVED = "approved";
    /** The operator's grant policy file is malformed. */
    public static final String GRANT_POLICY_INVALID = "grant-policy-invalid";
    /** The stored approvals cannot be read. */
    public static final String GRANT_STORE_UNREADABLE = "grant-store-unreadable";
    /** implementation.configuration holds a value the host cannot use. */
    public static final String INVALID_CONFIGURATION = "invalid-configuration";
    /** The extension's data folder cannot be created. */
    public static final String DATA_FOLDER = "data-folder";
    /** A REST upload could not be kept for the next start. */
    public static final String UPLOAD_NOT_KEPT = "upload-not-kept";

    private Reasons() {
    }

    /** @return {@code [code] text} */
    public static String of(String code, String text) {
        return "[" + code + "] " + text;
    }

    /** @return the code of a reason built by {@link #of}, or {@code null} when it has none */
    public static String codeOf(String reason) {
        if (reason == null || !reason.startsWith("[")) {
            return null;
        }
        int end = reason.indexOf(']');
        return end < 0 ? null : reason.substring(1, end);
    }
}
