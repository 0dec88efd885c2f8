package dev.palisade.host;

/** Why a Palisade host could not start; carried by {@link PalisadeStartException}. */
public enum StartFailure {
    /** The home folder is missing, or lacks a folder the layout requires (etc/, system/). */
    INVALID_HOME,
    /** Another host (in this or another process) runs on the same home folder. */
    HOME_IN_USE,
    /** A setting in etc/palisade.properties or on the builder is malformed. */
    INVALID_SETTING,
    /** A features file is malformed, names an unknown feature or has a cycle. */
    INVALID_FEATURES,
    /** A feature names a bundle (or a features file is named) that is not in system/. */
    BUNDLE_NOT_FOUND,
    /** A boot bundle could not be installed, resolved or started. */
    BUNDLE_NOT_STARTED,
    /** The HTTP port is already taken on 127.0.0.1. */
    PORT_IN_USE,
    /**
     * A core component reported that it cannot provide its service, such as the store when its
     * database is unreachable; the message is the component's own line.
     */
    SERVICE_FAILED,
    /** Every bundle started, but a service the host needs did not appear in time. */
    NOT_READY,
    /** The OSGi framework itself failed to initialize or start. */
    FRAMEWORK_FAILED
}
