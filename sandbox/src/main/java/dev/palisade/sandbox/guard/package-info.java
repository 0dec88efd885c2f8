/**
 * The guards woven code calls: static checks placed before each sensitive JDK call of an
 * extension, with the extension's id fixed at weave time as the last argument, and for the few
 * calls after which the JDK would act unchecked (URL connections and their HTTP redirects) static
 * replacements that check and then make the call themselves. Each throws
 * {@link dev.palisade.api.sandbox.SandboxViolation} (after the denial is recorded) unless the
 * extension's grants cover the access; with no policy installed every check denies.
 *
 * <p>The bundle that embeds the sandbox must export this package: woven extension classes reach
 * it through a dynamic import the weaving hook adds. Extension code itself may not reference it
 * (or declare classes in it): the install-time scan and the weaving hook refuse that, so an
 * extension cannot call a guard with another extension's id or ship its own guards.
 */
package dev.palisade.sandbox.guard;
