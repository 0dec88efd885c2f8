/**
 * The audit log: append-only, hash-chained. Entry {@code n} records {@code prev_hash}, the SHA-256 of
 * entry {@code n-1}'s canonical form (64 zeros for entry 1), and {@code entry_hash}, the SHA-256 of its
 * own canonical form (see {@link dev.palisade.store.audit.CanonicalForm}), which covers its sequence
 * number, time, actor, action, target, details and {@code prev_hash}. A one-row head table holds the
 * newest sequence number and hash; appenders lock that row ({@code SELECT ... FOR UPDATE}, which H2
 * and PostgreSQL both honour) so concurrent appends form one chain. {@code verify()} recomputes the
 * chain and names the first entry that does not fit, and notices entries cut from the end.
 */
package dev.palisade.store.audit;
