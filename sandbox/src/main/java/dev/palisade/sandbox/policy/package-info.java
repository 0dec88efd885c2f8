/**
 * The decision point between the guards woven into extension code and the host: the host installs
 * its {@link dev.palisade.sandbox.policy.SandboxPolicy} once; guards ask it for an extension's
 * grants and report every denial, which is counted and kept per extension
 * ({@link dev.palisade.sandbox.policy.ViolationLog}) before the extension sees it. Not exported;
 * extension code may not reference it.
 */
package dev.palisade.sandbox.policy;
