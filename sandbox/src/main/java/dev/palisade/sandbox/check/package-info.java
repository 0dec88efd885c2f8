/**
 * Install-time checks of a verified jar: {@link dev.palisade.sandbox.check.ManifestRules} (bundle
 * headers and imports), {@link dev.palisade.sandbox.check.DescriptorReader} (the MPLP descriptor and
 * Palisade's rules) and {@link dev.palisade.sandbox.check.ExtensionJarInspector}, which runs all
 * layers after staging and returns an {@link dev.palisade.sandbox.check.InspectedJar}.
 */
package dev.palisade.sandbox.check;
