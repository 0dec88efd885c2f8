/**
 * The execute module's tables ({@code execute_executions}, {@code execute_tasks}, {@code execute_log}) through
 * the store's {@link dev.palisade.host.bridge.ModuleDatabase}, in the one SQL dialect H2 and PostgreSQL share.
 * Private to the bundle.
 */
package dev.palisade.core.execute.store;
