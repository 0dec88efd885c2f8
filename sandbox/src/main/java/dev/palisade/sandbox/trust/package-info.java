/**
 * Signature and trust, the second sandbox layer: {@link dev.palisade.sandbox.trust.JarSignatureVerifier}
 * accepts a staged jar only if every entry is signed, unchanged, by one signer whose certificate
 * chains to a certificate in the operator's {@link dev.palisade.sandbox.trust.TrustStore}
 * ({@code etc/trust/}).
 */
package dev.palisade.sandbox.trust;
