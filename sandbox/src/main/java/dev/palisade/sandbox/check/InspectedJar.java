package dev.palisade.sandbox.check;

import dev.palisade.sandbox.stage.StagedJar;
import dev.palisade.sandbox.trust.VerifiedSigner;

/**
 * A staged jar that passed every install-time check and may be installed.
 *
 * @param staged        the private copy that was checked; install exactly this file
 * @param signer        its single trusted signer
 * @param descriptor    its parsed extension descriptor
 * @param symbolicName  its Bundle-SymbolicName, without directives
 * @param bundleVersion its Bundle-Version, as written in the manifest
 */
public record InspectedJar(StagedJar staged, VerifiedSigner signer, ExtensionDescriptor descriptor,
                           String symbolicName, String bundleVersion) {
}
