package dev.palisade.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Palisade version, written into the launcher jar at build time. */
public final class PalisadeVersion {

    private static final String VERSION = load();

    private PalisadeVersion() {
    }

    /** @return the version, such as {@code 0.1.0-SNAPSHOT} */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = PalisadeVersion.class.getResourceAsStream("palisade-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("palisade-version.properties is missing from the launcher jar; rebuild it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read palisade-version.properties from the launcher jar", e);
        }
    }
}
