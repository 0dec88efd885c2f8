/**
 * What every MPLP protocol module shares: the MPLP schemas (bundled copies, draft 2020-12, their
 * {@code $ref}s resolved from those copies and never from the network) and validation that answers a
 * 400 {@code schema-violation} naming each field and rule ({@link dev.palisade.protocol.MplpSchemas});
 * state machines that answer a 409 {@code invalid-transition} naming the allowed moves
 * ({@link dev.palisade.protocol.Transitions}); request routing by path template
 * ({@link dev.palisade.protocol.PathTemplate}); JSON values in TEXT columns
 * ({@link dev.palisade.protocol.JsonColumns}); business counters served as metrics
 * ({@link dev.palisade.protocol.Counters}); and live streams as server-sent events
 * ({@link dev.palisade.protocol.EventHub}, {@link dev.palisade.protocol.SseStream}).
 *
 * <p>A plain library, not an API: each protocol module embeds a private copy (bnd
 * {@code -conditionalpackage: dev.palisade.protocol.*}), so nothing here is shared between bundles.
 * Errors travel as {@link dev.palisade.host.bridge.HostProblem}. All classes are thread-safe.
 */
package dev.palisade.protocol;
