/**
 * Portable backups: one gzip'd file of JSON lines that any Palisade store restores, whichever
 * database wrote it (H2 to PostgreSQL is how a trial install moves to production).
 *
 * <p>Format (version 1): line 1 is the header, an object with {@code format}
 * ({@code "palisade-store-backup"}), {@code formatVersion}, {@code schemaVersion}, {@code database}
 * (the kind that wrote it), {@code createdAt}, {@code newestDataAt} (the newest timestamp in any
 * table, or null), {@code rows} (count per table) and {@code modules} (schema version per protocol module). Then one line per row,
 * {@code {"table":"...","row":{column:value}}}, timestamps as ISO-8601 UTC strings; last a trailer
 * {@code {"end":true,"rows":N}}. A file without its trailer, or whose counts differ from the header,
 * is refused as truncated.
 *
 * <p>A backup reads every table in one snapshot transaction, so it is consistent while the host keeps
 * writing. A restore replaces every table in one transaction: all or nothing. It refuses, unless told
 * {@link dev.palisade.store.backup.RestoreMode#OVERWRITE_NEWER_DATA}, when the store holds data newer
 * than the backup's newest, and always when the backup's schema is newer than the store's.
 * It covers the store's own tables, listed in {@link dev.palisade.store.backup.StoreTables} (a migration
 * that adds one adds it there), and every table the protocol modules created through their own migrations,
 * found in the database's metadata ({@link dev.palisade.store.backup.ModuleTables}); the header's
 * {@code modules} names each module's schema version. A restore needs the modules' tables to exist at that
 * version or newer (a host started once creates them) and refuses otherwise, naming what to do.
 */
package dev.palisade.store.backup;
