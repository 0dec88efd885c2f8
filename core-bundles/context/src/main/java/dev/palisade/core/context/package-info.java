/**
 * The MPLP Context module: a multi-agent project's shared state, its status ({@code active},
 * {@code suspended}, {@code completed}, {@code failed}) and lifecycle stage ({@code planning} through
 * {@code completion}) with the reasons of every change, its variables, snapshots and restore, and sync for
 * other hosts sharing the database. Served under {@code /api/v1/mplp/contexts}; kept in the store's
 * {@code context_*} tables (migrations {@code db/context/}).
 *
 * <p>Contract. Every object that enters is validated against the MPLP context schema after the host filled
 * {@code id} (when absent) and {@code metadata.created_at}, {@code updated_at} and {@code revision}; a
 * violation is a 400 {@code schema-violation} naming each field and rule, a forbidden state change a 409
 * {@code invalid-transition} naming the allowed moves. Each write is one transaction, and each bumps the
 * context's revision and records its change operations, which {@code GET .../sync?since=} answers.
 * Private implementation package.
 */
package dev.palisade.core.context;
