package dev.palisade.host.internal;

/**
 * One {@code <bundle>} line of a feature.
 *
 * @param link       where the bundle is, inside system/
 * @param startLevel the bundle's start level (1 or more)
 * @param start      whether the bundle is started, or only installed (fragments and libraries)
 */
public record FeatureBundle(MavenLink link, int startLevel, boolean start) {

    /** Start level of a bundle line without a {@code start-level} attribute (Karaf's default). */
    public static final int DEFAULT_START_LEVEL = 80;
}
