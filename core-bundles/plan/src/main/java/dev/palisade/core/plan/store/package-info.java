/**
 * The plan module's table, {@code plan_plans}: each plan as JSON text beside the columns lists query on, and a
 * revision so that an update applies only to the plan it read. Plain JDBC on the store's
 * {@link dev.palisade.host.bridge.ModuleDatabase} transactions, one dialect for H2 and PostgreSQL. Private
 * implementation package.
 */
package dev.palisade.core.plan.store;
