/**
 * How extension code runs: each serving version has an
 * {@link dev.palisade.core.extension.run.ExtensionRuntime} with its own small bounded thread pool, a time
 * limit per invocation, accounting (calls, failures, denials, timeouts, time) and a quarantine that
 * repeated denials or timeouts trigger and only an operator lifts. Limits come from
 * {@link dev.palisade.core.extension.run.RuntimeLimits} (framework properties). Private implementation
 * package.
 */
package dev.palisade.core.extension.run;
