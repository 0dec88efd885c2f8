/**
 * Process isolation for extensions whose descriptor says {@code security.sandbox_level: "strict"} (the
 * sandbox's fifth layer). Such a plugin runs in a child JVM with hard limits
 * ({@link dev.palisade.core.extension.isolate.StrictIsolation}): its own heap ({@code memory_limit}), exit on
 * the first OutOfMemoryError, a small thread stack, one processor. The host's side is
 * {@link dev.palisade.core.extension.isolate.IsolatedPlugin}, the entry instance the registry holds: calls run
 * through the version's {@link dev.palisade.core.extension.run.ExtensionRuntime} as in-process calls do (pool,
 * time limit, accounting, quarantine) and cross a pipe of JSON lines
 * ({@link dev.palisade.core.extension.isolate.Pipe}); a call past its limit kills the child, a child that dies
 * answers every waiting call at once, and the next call starts a new child. Inside the child,
 * {@link dev.palisade.core.extension.isolate.ChildMain} loads the jar through the sandbox's
 * {@link dev.palisade.sandbox.isolate.WovenJarLoader} (the same weaving and visible packages as in the host)
 * under the grants passed at start; its sandbox denials are reported to the host, which counts and audits them,
 * and its capabilities are performed by the host with the invocation's own
 * ({@link dev.palisade.core.extension.isolate.CapabilityOps}), secrets included. Private implementation package.
 */
package dev.palisade.core.extension.isolate;
