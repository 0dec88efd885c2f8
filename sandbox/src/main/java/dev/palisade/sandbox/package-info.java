/**
 * The Palisade sandbox: the checks an extension jar must pass before the host installs it.
 *
 * <p>An extension arrives as an untrusted file (from {@code deploy/} or an upload). The host runs
 * it through these layers, in order, and installs only the private copy that passed all of them;
 * each refusal is a {@link dev.palisade.sandbox.DeploymentRefusedException} whose
 * {@link dev.palisade.sandbox.RefusalReason} names the check and whose detail says what was wrong
 * and what to do.
 * <ol>
 * <li><b>Staging</b> ({@link dev.palisade.sandbox.stage}): copies the file to a private, uniquely
 * named file, so later changes to the source cannot change what is installed, and refuses empty
 * files, non-zip files, oversized jars, too many entries, unsafe entry names (absolute, "..",
 * backslashes, drive letters, control characters), duplicate entries or a central directory that
 * disagrees with the local headers, and zip bombs (entries that inflate past their declared size,
 * a compression-ratio limit or a total limit).</li>
 * <li><b>Trust</b> ({@link dev.palisade.sandbox.trust}): every entry must be signed, unchanged since
 * signing, by exactly one signer whose certificate chains (PKIX) to a trust anchor in
 * {@code etc/trust/} and is valid at signing or check time. The framework itself does not check
 * signatures when security is off, so this is the only place a tampered or re-signed jar is
 * caught.</li>
 * <li><b>Install-time checks</b> ({@link dev.palisade.sandbox.check}): the manifest must describe an
 * OSGi bundle without activators, components, fragments, native code, Require-Bundle or dynamic
 * imports, importing only {@code dev.palisade.api.*} and {@code java.*}; the descriptor
 * {@code META-INF/palisade/extension.json} must be JSON that meets the bundled MPLP Extension
 * schema and the Palisade rules (a Java plugin whose methods, schemas and entry class are
 * consistent); and its version must equal the Bundle-Version.</li>
 * </ol>
 *
 * <p>These checks decide only whether a jar may be installed. They do not constrain what an
 * installed extension's code does at run time.
 *
 * <p>This library is embedded privately into the core extension bundle and exports nothing.
 */
package dev.palisade.sandbox;
