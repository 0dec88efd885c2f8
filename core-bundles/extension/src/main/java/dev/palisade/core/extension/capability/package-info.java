/**
 * The host's implementation of the capabilities API ({@link dev.palisade.api.capability}): files,
 * HTTP, secrets, a key-value store, a log and a clock for each invocation of an extension.
 *
 * <p>The extension module creates one {@link dev.palisade.core.extension.capability.CapabilityFactory}
 * and asks it for each invocation's
 * {@link dev.palisade.core.extension.capability.InvocationCapabilities}, closing them when the
 * invocation ends. Capabilities check the same grants, with the same sandbox logic, as the guards
 * woven into extension code, and report denials to the same decision point, so a denial is counted,
 * kept and audited whether it came from a capability or from a direct JDK call, and whether or not
 * the extension catches it. Other failures are
 * {@link dev.palisade.api.extension.ExtensionException}s with a code ({@code io_error},
 * {@code secret_not_found}, {@code http_timeout}, {@code response_too_large}, {@code invalid_request},
 * {@code store_full}, ...). Not exported.
 *
 * <p>What they cannot prevent: a symbolic link swapped into a folder of a checked path between the
 * check and the open (the last element is never followed); a proxy configured for the host process
 * is used for extension requests too (the grant is checked on the target, not the proxy).
 */
package dev.palisade.core.extension.capability;
