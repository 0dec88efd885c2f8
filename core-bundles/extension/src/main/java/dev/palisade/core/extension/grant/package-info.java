/**
 * Grants: what an extension asks for (its descriptor's {@code security.permissions}), what the operator's
 * policy ({@code etc/grants.json}, {@link dev.palisade.core.extension.grant.GrantPolicyFile}) grants its
 * publisher without asking, and what an operator approved, kept in the store for the publisher key it was
 * given to ({@link dev.palisade.core.extension.grant.LedgerGrantStore}). An extension whose requests are not
 * all granted is installed but held pending. Private implementation package.
 */
package dev.palisade.core.extension.grant;
