/**
 * The trace module's table, {@code trace_spans}: each span as JSON text beside the indexed columns queries
 * use (trace, context, agent, start). Inserts are JDBC batches inside the caller's transaction. Plain JDBC on
 * the store's {@link dev.palisade.host.bridge.ModuleDatabase}, one dialect for H2 and PostgreSQL. Private
 * implementation package.
 */
package dev.palisade.core.trace.store;
