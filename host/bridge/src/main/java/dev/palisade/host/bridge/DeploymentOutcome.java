package dev.palisade.host.bridge;

/** How a deployment attempt ended. */
public enum DeploymentOutcome {
    /** The extension was installed and now serves; no earlier version existed. */
    DEPLOYED,
    /** A new version was installed and now serves in place of the earlier one. */
    REPLACED,
    /** The jar was refused before installation (staging, trust or checks); nothing changed. */
    REFUSED,
    /** The jar passed the checks but did not resolve, start or instantiate; nothing changed. */
    FAILED,
    /** The extension was stopped and removed. */
    UNDEPLOYED
}
