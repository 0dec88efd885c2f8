/**
 * The sandbox outside the framework, for extensions whose descriptor says {@code sandbox_level: strict}: the
 * host runs such an extension in a child JVM, where {@link dev.palisade.sandbox.isolate.WovenJarLoader} stands in
 * for the weaving hook and the resolver hook (the same call-site rewriting and deny-by-default rules, the same
 * visible packages) and the decision point is installed with the grants the host passed at start. Not exported.
 */
package dev.palisade.sandbox.isolate;
