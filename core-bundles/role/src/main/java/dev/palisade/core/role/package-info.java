/**
 * The MPLP Role module: roles with capabilities, permissions and constraints, inheritance from parent
 * roles with overrides, and the effective capabilities and permissions a role ends up with. Served under
 * {@code /api/v1/mplp/roles}; kept in the store's {@code role_objects} and {@code role_parents} tables
 * (migrations {@code db/role/}).
 *
 * <p>Contract. Every role that enters is validated against the MPLP role schema after the host filled
 * {@code id} (when absent) and {@code metadata.created_at}/{@code updated_at}, then against the module's
 * rules: a unique name, parents that exist and no inheritance cycle (400 {@code schema-violation} naming the
 * cycle), overrides of the shape {@link dev.palisade.core.role.RoleOverrides} reads. A role that others
 * inherit from cannot be deleted (409 {@code role-in-use}). Each write is one transaction. Private
 * implementation package.
 */
package dev.palisade.core.role;
