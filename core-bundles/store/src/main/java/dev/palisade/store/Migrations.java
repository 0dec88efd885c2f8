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
 * scripts are named in a list and read through a given class loader, so Flyway never scans the class
 * path (its scanners do not understand bundle URLs). The store's own scripts are {@link #SCRIPTS} under
 * {@code db/migration/} (add a script: put {@code V<n>__<what>.sql} there and name it here; a test checks
 * the two agree); a protocol module's are under {@code db/<module>/}, with their own history table.
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
        return migrate(dataSource, database, Migrations.class.getClassLoader(), LOCATION, SCRIPTS, null);
    }

    /**
     * Migrates one protocol module's tables, recorded in {@code flyway_<module>_history}.
     *
     * @return the module's schema version after migrating
     * @throws StoreMigrationException naming the database, the module and the failing script
     */
    static String migrateModule(DataSource dataSource, String database, String module, ClassLoader loader,
            List<String> scripts) {
        if (!module.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("module name '" + module
                    + "' is not lower-case letters, digits and underscores (at most 31)");
        }
        return migrate(dataSource, database + " (module " + module + ")", loader, "db/" + module, scripts,
                "flyway_" + module + "_history");
    }

    private static String migrate(DataSource dataSource, String database, ClassLoader loader, String location,
            List<String> scripts, String historyTable) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            var configuration = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .resourceProvider(new BundleResources(loader, location, scripts))
                    .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
                    .failOnMissingLocations(false)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .loggers("slf4j");
            if (historyTable != null) {
                // the store's tables are already there: a module's history starts empty beside them
                configuration = configuration.table(historyTable).baselineOnMigrate(true).baselineVersion("0");
            }
            Flyway flyway = configuration.load();
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
        private final String location;
        private final List<String> scripts;

        BundleResources(ClassLoader loader, String location, List<String> scripts) {
            this.loader = loader;
            this.location = location;
            this.scripts = List.copyOf(scripts);
        }

        @Override
        public LoadableResource getResource(String name) {
            String file = name.startsWith(location + "/") ? name.substring(location.length() + 1) : name;
            return scripts.contains(file) ? new Script(loader, location, file) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (String file : scripts) {
                if (file.startsWith(prefix) && endsWithAny(file, suffixes)) {
                    out.add(new Script(loader, location, file));
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
        private final String path;
        private final String file;

        Script(ClassLoader loader, String location, String file) {
            this.loader = loader;
            this.path = location + "/" + file;
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                throw new FlywayException("migration " + path + " is named in the list of scripts but missing"
                        + " from the bundle");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
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
