/**
 * The store: Palisade's state in one relational database, an embedded H2 file database by default or
 * PostgreSQL in production, reached through a HikariCP pool and migrated by Flyway at open.
 *
 * <p>Contract. {@link dev.palisade.store.Store#open(StoreConfig)} either returns a migrated, pooled,
 * ready store or throws one {@link dev.palisade.store.StoreException} whose message is a single line
 * naming the database (URL without password) and the cause. Every later call either succeeds or throws
 * a {@code StoreException}: {@link dev.palisade.store.StoreUnavailableException} when the database
 * cannot be reached (within {@link dev.palisade.store.StoreConfig#failFastTimeout()}, not the pool's
 * acquire timeout), {@link dev.palisade.store.StoreBusyException} when every pooled connection stayed
 * busy for the acquire timeout. The pool keeps trying in the background, so calls succeed again once
 * the database is back, without reopening the store.
 *
 * <p>One SQL dialect serves both databases: standard types ({@code VARCHAR}, {@code TEXT},
 * {@code BIGINT}, {@code TIMESTAMP(6)} holding UTC), JSON kept as canonical text and read in Java,
 * no {@code ->>}, no {@code timestamptz}, no {@code ON CONFLICT}, no {@code RETURNING}. What differs per
 * database (driver data source, session settings, snapshot isolation) lives in
 * {@link dev.palisade.store.DatabaseKind} and nowhere else.
 *
 * <p>This package and its sub-packages are private to the store bundle; the wiring registers the
 * store as a service through the host bridge.
 */
package dev.palisade.store;
