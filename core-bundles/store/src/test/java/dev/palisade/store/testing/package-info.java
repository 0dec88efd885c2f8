/**
 * Test support that the store's test-jar gives other modules' tests: {@link
 * dev.palisade.store.testing.TestModuleDatabase}, the bridge's module database over a real H2 or PostgreSQL
 * store; {@link dev.palisade.store.testing.PostgresServer}, one embedded PostgreSQL per test JVM; and {@link
 * dev.palisade.store.testing.BenchmarkStore}, a store that commits to disk before it acknowledges, for JMH. Only
 * this package goes into the test-jar; the store bundle itself carries none of it.
 */
package dev.palisade.store.testing;
