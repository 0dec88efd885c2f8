/**
 * The host's side of the hook, policy and adapter kinds: the bridge services the protocol modules call.
 *
 * <p>{@link dev.palisade.core.extension.kinds.HookDispatcher} ({@link dev.palisade.host.bridge.LifecycleHooks})
 * runs the before-hooks of an event one after another in name order, within each hook's budget: the first
 * veto wins, amendments chain, a hook that fails or overruns is skipped and logged (the runtime counts it, an
 * overrun toward quarantine); after-hooks run asynchronously on a small host pool that only waits for the
 * extensions' own pools. {@link dev.palisade.core.extension.kinds.PolicyDispatcher}
 * ({@link dev.palisade.host.bridge.PolicyDecisions}) asks every policy listing a question in name order: a
 * deny (or a failure, a timeout, a policy pending approval or quarantined) ends it as a deny naming why; no
 * policy answers {@code none}. {@link dev.palisade.core.extension.kinds.AdapterDispatcher}
 * ({@link dev.palisade.host.bridge.AdapterCalls}) has one adapter export one object. Every call into an
 * extension goes through {@link dev.palisade.core.extension.invoke.EntryCall}: the extension's own pool, time
 * limit, sandbox, grants and quarantine, with values deep-copied both ways. Private implementation package.
 */
package dev.palisade.core.extension.kinds;
