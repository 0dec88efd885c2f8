/**
 * Calling a deployed plugin: input validation, the call itself, output checks and error mapping.
 *
 * <p>{@link dev.palisade.core.extension.invoke.Invoker} validates the input against the method's input
 * schema (JSON Schema draft 2020-12, compiled at deploy time by
 * {@link dev.palisade.core.extension.invoke.SchemaCompiler}, which never loads anything from the
 * network), calls {@link dev.palisade.api.extension.Plugin#invoke} on the extension's own bounded pool
 * with its time limit and the thread context class loader set to the extension's class loader, then checks that the output is JSON-compatible and passes the
 * output schema. Input and output are deep-copied across the boundary, so neither side holds the other's
 * objects. Every failure is a {@link dev.palisade.host.bridge.HostProblem}: 404 unknown method, 400
 * input against the schema, 422 an {@link dev.palisade.api.extension.ExtensionException}, 502 any
 * other failure of the extension or an output that breaks the rules, 403 a sandbox denial it let through,
 * 409 quarantined, 503 busy, 504 timed out. Private implementation package.
 */
package dev.palisade.core.extension.invoke;
