/**
 * The extension SPI: what each kind of extension implements and what the host hands it.
 *
 * <p>An extension jar names one entry class in its descriptor
 * ({@code META-INF/palisade/extension.json}, an MPLP Extension object). The host loads that class
 * in the extension's own class loader, creates it through its public no-argument constructor and
 * calls it through the interface of the descriptor's {@code type}: {@link dev.palisade.api.extension.Plugin}
 * (named methods), {@link dev.palisade.api.extension.Hook} (lifecycle events, may veto or amend),
 * {@link dev.palisade.api.extension.Policy} (allow/deny answers) or {@link dev.palisade.api.extension.Adapter}
 * (exports to an outside platform) (the last three since 1.2). Only JSON-compatible values cross
 * the boundary in either direction (see {@link dev.palisade.api.extension.JsonValues}); errors
 * travel as {@link dev.palisade.api.extension.ExtensionException} and its subclasses. What an extension
 * may do outside its own code it reaches through the capabilities of its
 * {@link dev.palisade.api.extension.InvocationContext} (since 1.1).
 */
@Export
@Version("1.2.0")
package dev.palisade.api.extension;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
