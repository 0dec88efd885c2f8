/**
 * The Palisade sandbox: what an extension jar must pass before the host installs it, and what
 * keeps an installed extension to its grants while it runs, without a SecurityManager or JVM flags.
 *
 * <p>An extension arrives as an untrusted file (from {@code deploy/} or an upload). Each refusal is
 * a {@link dev.palisade.sandbox.DeploymentRefusedException} whose
 * {@link dev.palisade.sandbox.RefusalReason} names the check and whose detail says what was wrong
 * and what to do; a denial at run time is a {@link dev.palisade.api.sandbox.SandboxViolation}.
 *
 * <h2>Install time</h2>
 * <ol>
 * <li><b>Staging</b> ({@link dev.palisade.sandbox.stage}): a private, uniquely named copy, so later
 * changes to the source cannot change what is installed; refuses empty and non-zip files, oversized
 * jars, too many entries, unsafe entry names, duplicate entries or a central directory that
 * disagrees with the local headers, and zip bombs.</li>
 * <li><b>Trust</b> ({@link dev.palisade.sandbox.trust}): every entry signed, unchanged, by one signer
 * chaining (PKIX) to a trust anchor in {@code etc/trust/}, valid at signing or check time. The
 * framework does not check signatures when security is off, so this is the only place a tampered
 * or re-signed jar is caught.</li>
 * <li><b>Checks</b> ({@link dev.palisade.sandbox.check}): an OSGi bundle without activators,
 * components, fragments, native code, Require-Bundle or dynamic imports, importing only
 * {@code dev.palisade.api.*} and {@code java.*}; a descriptor valid against the MPLP schema and
 * the Palisade rules, including its permission requests
 * ({@link dev.palisade.sandbox.check.PermissionRequests}: each a grantable kind of
 * {@link dev.palisade.sandbox.permission} with a valid target; never-granted kinds are refused).</li>
 * <li><b>Bytecode scan</b> ({@link dev.palisade.sandbox.scan}): every class (multi-release and
 * nested jars included) is read, never loaded; each call, field access, method handle and
 * invokedynamic bootstrap is classified by data-driven rules ({@code jdk-members.rules}) as
 * allowed, guarded (checked at run time, with the permission it needs) or forbidden. Deny by
 * default: a JDK member not on the allowlist is forbidden. Also forbidden: extending JDK classes
 * other than the plain ones, finalizers, method references to guarded members, and naming the
 * sandbox's or the framework's packages. The {@link dev.palisade.sandbox.scan.ScanReport} lists
 * every guarded and forbidden site (class, method, line, member, permission); any forbidden site
 * refuses the jar ({@code FORBIDDEN_CALL}).</li>
 * </ol>
 *
 * <h2>Run time</h2>
 * <ol>
 * <li><b>Module layer</b> ({@link dev.palisade.sandbox.isolation}): a resolver hook lets an
 * extension wire only to the API bundle's packages, {@code java.*} and the guard package; nothing
 * wires to an extension (no imports from it, no fragments onto it); bundle and service find/event
 * hooks show an extension only itself and the API bundle.</li>
 * <li><b>Call-site rewriting</b> ({@link dev.palisade.sandbox.weaving}), the primary layer: a
 * weaving hook, registered before any extension installs, applies the same rules to each class of
 * an extension bundle as it loads: a forbidden site stops the class from loading; each guarded call
 * gets a static check into {@link dev.palisade.sandbox.guard} first, with the extension id fixed
 * at weave time. Any failure is a {@code WeavingException}: the class does not load, the hook
 * stays. Guards resolve paths ({@code ..}, symbolic links) before matching, never resolve names
 * themselves, and ask the {@link dev.palisade.sandbox.policy.DecisionPoint} (installed once by the
 * host) for grants; every denial is counted and logged per extension before it is thrown, so an
 * extension that catches it cannot hide it. Where the JDK would act on the extension's behalf after a
 * check, the call is replaced instead ({@code replace} rules): the guard checks and makes the call in a
 * form the sandbox controls. The {@code Files} calls that open a file for its content (read or write) are
 * replaced this way ({@link dev.palisade.sandbox.guard.FileOpens}): the path is resolved up to its last
 * element, checked, and opened at the resolved path with {@code NOFOLLOW_LINKS}, so the operating system
 * itself refuses a link in the last place (one already there is then followed and its target checked).</li>
 * <li><b>Process isolation</b> ({@link dev.palisade.sandbox.isolate}), for a plugin whose descriptor says
 * {@code sandbox_level: strict}: the host runs it in a child JVM with its own heap
 * ({@code memory_limit}), exit on the first OutOfMemoryError, one processor and a small stack — the only hard
 * limit on an extension's memory, and a call past its time limit ends for good with the child. There a {@link dev.palisade.sandbox.isolate.WovenJarLoader} stands in for the two
 * layers above (the same weaving, rules and visible packages), the decision point holds the grants passed at
 * start, and every denial is reported to the host, which counts it as its own. The host side (child JVM, pipe,
 * limits) is in the core extension bundle; {@code docs/EXTENSIONS.md} ("Strict isolation") describes it.</li>
 * </ol>
 *
 * <h2>HTTP redirects</h2>
 * <p>The JDK never follows an HTTP redirect for an extension unchecked. {@code URL.openStream} and
 * {@code URL.getContent} follow redirects as the JDK does (301, 302, 303, 307, 308 of the same protocol, at
 * most 20), but hop by hop, each target checked before it is opened: a redirect to a host:port the extension
 * was not granted is a denial naming net.connect and that host:port. A connection from
 * {@code URL.openConnection} follows none: the 3xx answer and its {@code Location} reach the extension, which
 * may open that URL itself (checked again). {@code HttpURLConnection.setInstanceFollowRedirects(true)} is a
 * denial ({@code host:port (following redirects)}); the JVM-wide {@code setFollowRedirects} is refused at
 * install. {@code java.net.http.HttpClient} follows none: its default is {@code Redirect.NEVER}, and a
 * builder's {@code followRedirects} is refused at install.</p>
 *
 * <h2>What these layers do not catch</h2>
 * <ul>
 * <li>Time-of-check to time-of-use: a path is checked, then the JDK opens it; a symbolic link
 * swapped in between by another process (extensions cannot create links) is followed. The replaced
 * {@code Files} opens narrow this to the folders on the way: a link put in the last place after the check is
 * refused by the open; one put in place of a folder between the granted folder and the file is followed.
 * {@code java.io} streams, {@code RandomAccessFile} and the other checked file calls keep the whole window.</li>
 * <li>Work the JDK does on the extension's behalf after a check: name lookups inside
 * {@code URL.equals}/{@code hashCode} (a DNS side channel), DNS answers that point a granted name at
 * another address.</li>
 * <li>Links placed above a granted folder after the grants were bound: paths below the data folder and
 * below the folders file grants name are resolved from the real paths those folders had at binding
 * (only the elements below cost a look-up); extensions cannot create links, an operator or another
 * process can.</li>
 * <li>Resource exhaustion: endless loops, unbounded allocation, deadlocks, threads an extension
 * granted thread.create starts, in the host. These need the run-time executor with time limits, accounting and
 * quarantine; a strict plugin's heap is bounded by its child JVM, and its loops end with it.</li>
 * <li>Bugs in the JDK or in allowed JDK members that can be tricked into running extension-chosen
 * code; and which bundles are extensions: the host's {@link dev.palisade.sandbox.weaving.ExtensionBundles}
 * decides, and a bundle it does not name is not woven.</li>
 * </ul>
 *
 * <p>This library is embedded privately into the core extension bundle, which must export
 * {@code dev.palisade.sandbox.guard} (woven code reaches it through a dynamic import) and nothing
 * else of it.
 */
package dev.palisade.sandbox;
