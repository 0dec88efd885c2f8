/**
 * Call-site rewriting, the sandbox's primary run-time layer: a WeavingHook that, for classes of
 * extension bundles only, inserts a guard check before every guarded JDK call (the extension id
 * fixed as a constant at weave time, so no stack walk is needed) and refuses classes with
 * forbidden sites. Uses {@code COMPUTE_MAXS} and never loads a class while weaving; any failure
 * becomes a {@link org.osgi.framework.hooks.weaving.WeavingException}, so the class does not load
 * and the hook stays registered.
 */
package dev.palisade.sandbox.weaving;
