/**
 * The scheduler, without the host: a plan read into tasks, dependencies, a strategy and an error policy
 * ({@link dev.palisade.core.execute.engine.PlanReader}), and one execution's run
 * ({@link dev.palisade.core.execute.engine.ExecutionRun}) that reaches the world only through a
 * {@link dev.palisade.core.execute.engine.TaskGateway} and reports through an
 * {@link dev.palisade.core.execute.engine.ExecutionJournal}.
 *
 * <p>Rules: finish_to_start and start_to_start gate a task's start (a predecessor that ends without completing,
 * or never starts, skips it); finish_to_finish holds its completion until the predecessor ended. Sequential
 * and conditional run one task at a time in topological order; parallel starts every ready task. A retryable
 * failure is tried again after an exponential, capped back-off. Private to the bundle.
 */
package dev.palisade.core.execute.engine;
