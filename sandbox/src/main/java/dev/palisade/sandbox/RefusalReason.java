package dev.palisade.sandbox;

import java.util.Locale;

/**
 * Why an extension jar was refused, one constant per check. {@link #code()} is the stable,
 * machine-readable form that appears in messages and REST answers.
 */
public enum RefusalReason {
    /** The file holds no bytes. */
    EMPTY_FILE,
    /** The file is not a readable zip/jar archive. */
    NOT_A_JAR,
    /** The jar, its entry count or one entry exceeds the staging limits. */
    TOO_LARGE,
    /** An entry name is absolute, climbs out with "..", uses backslashes, a drive letter or a control character. */
    UNSAFE_ENTRY_NAME,
    /** Two entries carry the same name, or the central directory and the local headers disagree. */
    DUPLICATE_ENTRY,
    /** Entries inflate far beyond their compressed size, past the total limit, or differ from their declared size. */
    ZIP_BOMB,
    /** The jar carries no signature. */
    UNSIGNED,
    /** An entry no longer matches the digest the signature covers, or a signed entry is missing. */
    TAMPERED,
    /** An entry is not covered by the signature. */
    UNSIGNED_ENTRY,
    /** The signer's certificate does not chain to a trust anchor. */
    UNTRUSTED_SIGNER,
    /** The signer's certificate (or one in its chain) was not valid at signing or check time. */
    SIGNER_NOT_VALID,
    /** Entries are signed by more than one signer. */
    MULTIPLE_SIGNERS,
    /** The manifest does not describe an OSGi R4+ bundle. */
    NOT_A_BUNDLE,
    /** The manifest carries a header extensions may not use. */
    FORBIDDEN_HEADER,
    /** The manifest imports a package extensions may not use. */
    FORBIDDEN_IMPORT,
    /** The jar has no extension descriptor. */
    MISSING_DESCRIPTOR,
    /** The extension descriptor is not JSON, breaks the MPLP schema or a Palisade rule. */
    INVALID_DESCRIPTOR,
    /** The descriptor's version differs from the manifest's Bundle-Version. */
    VERSION_MISMATCH,
    /** The bytecode calls JDK members extensions may not use, or references the sandbox or the framework. */
    FORBIDDEN_CALL;

    /** @return the kebab-case code, e.g. {@code "untrusted-signer"} */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
