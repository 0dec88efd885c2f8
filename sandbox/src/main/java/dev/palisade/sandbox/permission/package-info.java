/**
 * The permission vocabulary: what an extension may request in its descriptor
 * ({@code security.permissions}, objects {@code {"permission": "file.read", "target": "..."}}),
 * what an operator grants, and how a concrete access is matched against the grant.
 *
 * <p>{@link dev.palisade.sandbox.permission.PermissionKind} lists the grantable kinds: file.read and
 * file.write (path globs; relative globs resolve inside the extension's data folder, {@code ..} is
 * refused), net.connect (host:port, including resolving that host), secret.read, env.read,
 * property.read (names or prefixes) and thread.create. {@link dev.palisade.sandbox.permission.NeverGranted}
 * lists what is refused whatever is asked. {@link dev.palisade.sandbox.permission.Grants} binds the
 * granted permissions of one extension to its data folder and answers the guards' questions;
 * accessed paths are first resolved by {@link dev.palisade.sandbox.permission.RealPaths} ({@code ..}
 * and symbolic links followed) so that a link or a climb cannot reach outside a granted glob.
 *
 * <p>All types are immutable and thread-safe.
 */
package dev.palisade.sandbox.permission;
