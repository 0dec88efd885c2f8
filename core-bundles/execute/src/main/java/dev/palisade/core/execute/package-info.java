/**
 * The MPLP Execute module: runs plans. The plan module calls the bridge's
 * {@link dev.palisade.host.bridge.PlanExecutions} ({@link dev.palisade.core.execute.ExecuteEngine}); the start
 * checks the request, the plan, the context, every task's plugin and the {@code plan.quality_gate} policies,
 * and asks the {@code execution.start} hooks, storing nothing when one fails. The execution then runs in the
 * background on the engine's pool ({@link dev.palisade.core.execute.engine.ExecutionRun}): each task through
 * its {@code task.execute} hooks, an optional confirmation, its plugin call and retries; each step is stored
 * ({@code execute_*} tables), logged, traced (one root span per execution, a child per step) and counted.
 * REST: {@link dev.palisade.core.execute.ExecutionsServlet}.
 *
 * <p>Private to the bundle, which exports nothing. Thread-safe throughout.
 */
package dev.palisade.core.execute;
