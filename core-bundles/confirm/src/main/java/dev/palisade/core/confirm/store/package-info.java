/**
 * The confirm module's tables ({@code confirm_requests}, {@code confirm_approvers}, migration
 * {@code db/confirm/V1__confirm.sql}) in plain JDBC on the caller's transaction, one dialect for H2 and
 * PostgreSQL: the MPLP object is JSON text, the columns queried on are copied beside it. Stateless.
 */
package dev.palisade.core.confirm.store;
