package dev.palisade.host.bridge;

/** Where a deployment request came from. */
public enum DeploymentSource {
    /** A file written to, or removed from, the watched deploy folder. */
    DEPLOY_FOLDER,
    /** An upload or removal through the REST API. */
    REST,
    /** A call of the embedding API. */
    EMBEDDING_API
}
