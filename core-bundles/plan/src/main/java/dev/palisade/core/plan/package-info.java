/**
 * The MPLP Plan module: plans with tasks and typed dependencies kept in the store, checked against the MPLP
 * plan schema and Palisade's plan rules on every write, validated on demand with the policy quality gate,
 * scheduled into a timeline with its critical path, run through the execute module and exported through
 * adapters. Writes pass the {@code plan.create}, {@code plan.update} and {@code plan.delete} lifecycle hooks.
 * Private implementation package; the bundle exports nothing and reaches other modules only through the
 * host bridge.
 */
package dev.palisade.core.plan;
