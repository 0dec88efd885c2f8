/**
 * The registry of serving extensions: one {@link dev.palisade.core.extension.registry.ActiveExtension}
 * per extension id, found by id or by name, switched from one version to the next in a single step.
 * In memory only; the persistent store comes with a later issue. Private implementation package.
 */
package dev.palisade.core.extension.registry;
