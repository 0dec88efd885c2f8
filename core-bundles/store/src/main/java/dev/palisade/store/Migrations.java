package dev.palisade.store;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Flyway, configured to work the same on a class path and inside an OSGi bundle: the migration
 * scripts are named in {@link #SCRIPTS} and read through this class's own class loader, so Flyway
 * never scans the class path (its scanners do not understand bundle URLs). Add a script: put
 * {@code V<n>__<what>.sql} under {@code db/migration/} and name it here; a test checks the two agree.
 */
final class Migrations {

    static final String LOCATION = "db/migration";

    /** Every migration script, in version order. */
    static final List<String> SCRIPTS = List.of("V1__store.sql", "V2__grant_publisher.sql");

    private Migrations() {
    }

    /**
     * @return the schema version after migrating
     * @throws StoreMigrationException naming the database and the failing script
     */
    static String migrate(DataSource dataSource, String database) {
        ClassLoader loader = Migrations.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Flyway flyway = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .resourceProvider(new BundleResources(loader))
                    .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
                    .failOnMissingLocations(false)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .loggers("slf4j")
                    .load();
            MigrateResult result = flyway.migrate();
            MigrationVersion current = flyway.info().current() == null ? null : flyway.info().current().getVersion();
            return current == null ? result.targetSchemaVersion : current.getVersion();
        } catch (FlywayException e) {
            throw new StoreMigrationException("migrating the store at " + database + " failed: "
                    + SqlErrors.causeLine(e) + "; the database was left at its last good version", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return the newest schema version this build knows */
    static String latestVersion() {
        String last = SCRIPTS.get(SCRIPTS.size() - 1);
        return last.substring(1, last.indexOf("__")).replace('_', '.');
    }

    /** Flyway's view of the scripts in {@link #SCRIPTS}. */
    private static final class BundleResources implements ResourceProvider {

        private final ClassLoader loader;

        BundleResources(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public LoadableResource getResource(String name) {
            String file = name.startsWith(LOCATION + "/") ? name.substring(LOCATION.length() + 1) : name;
            return SCRIPTS.contains(file) ? new Script(loader, file) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (String file : SCRIPTS) {
                if (file.startsWith(prefix) && endsWithAny(file, suffixes)) {
                    out.add(new Script(loader, file));
                }
            }
            return out;
        }

        private static boolean endsWithAny(String file, String[] suffixes) {
            for (String suffix : suffixes) {
                if (file.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Script extends LoadableResource {

        private final ClassLoader loader;
        private final String file;

        Script(ClassLoader loader, String file) {
            this.loader = loader;
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(LOCATION + "/" + file);
            if (in == null) {
                throw new FlywayException("migration " + LOCATION + "/" + file
                        + " is named in Migrations.SCRIPTS but missing from the bundle");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
