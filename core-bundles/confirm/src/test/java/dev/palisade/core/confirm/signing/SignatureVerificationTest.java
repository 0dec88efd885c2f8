package dev.palisade.core.confirm.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.palisade.core.confirm.testing.DecisionSigner;
import dev.palisade.host.bridge.HostProblem;

class SignatureVerificationTest {

    private static final String CONFIRMATION = "8a6e0804-2bd0-4672-b79d-d97027f9071a";
    private static final String APPROVER = "1f0c3c5e-5b7a-4a39-9a3e-0c8f3f8f2b11";

    static List<Object[]> signers() {
        return List.of(
                new Object[] {"Ed25519", (Supplier<DecisionSigner>) DecisionSigner::ed25519, KeyAlgorithm.ED25519},
                new Object[] {"P-256 DER", (Supplier<DecisionSigner>) DecisionSigner::p256, KeyAlgorithm.ECDSA_P256},
                new Object[] {"P-256 r||s", (Supplier<DecisionSigner>) DecisionSigner::p256Plain,
                        KeyAlgorithm.ECDSA_P256},
                new Object[] {"P-384 DER", (Supplier<DecisionSigner>) DecisionSigner::p384, KeyAlgorithm.ECDSA_P384});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void theApproversSignatureVerifies(String name, Supplier<DecisionSigner> make, KeyAlgorithm algorithm) {
        DecisionSigner signer = make.get();
        ApproverKey key = PublicKeys.parse(signer.publicKeyPem(), "/public_key");
        assertEquals(algorithm, key.algorithm());
        DecisionStatement statement = new DecisionStatement(CONFIRMATION, APPROVER, "approved", "looks right");
        assertTrue(key.verifies(statement, decode(signer.sign(CONFIRMATION, APPROVER, "approved", "looks right"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void aTamperedDecisionDoesNotVerify(String name, Supplier<DecisionSigner> make, KeyAlgorithm algorithm) {
        DecisionSigner signer = make.get();
        ApproverKey key = PublicKeys.parse(signer.publicKeyPem(), "/public_key");
        byte[] signature = decode(signer.sign(CONFIRMATION, APPROVER, "approved", null));
        assertFalse(key.verifies(new DecisionStatement(CONFIRMATION, APPROVER, "rejected", null), signature),
                "another decision");
        assertFalse(key.verifies(new DecisionStatement(CONFIRMATION, APPROVER, "approved", "added"), signature),
                "added comments");
        assertFalse(key.verifies(new DecisionStatement("0a6e0804-2bd0-4672-b79d-d97027f9071a", APPROVER, "approved",
                null), signature), "another confirmation");
        assertFalse(key.verifies(new DecisionStatement(CONFIRMATION, "2f0c3c5e-5b7a-4a39-9a3e-0c8f3f8f2b11",
                "approved", null), signature), "another approver");
        assertTrue(key.verifies(new DecisionStatement(CONFIRMATION, APPROVER, "approved", null), signature),
                "the signed statement itself");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void anotherKeysOrAForgedSignatureDoesNotVerify(String name, Supplier<DecisionSigner> make,
            KeyAlgorithm algorithm) {
        ApproverKey key = PublicKeys.parse(make.get().publicKeyPem(), "/public_key");
        DecisionStatement statement = new DecisionStatement(CONFIRMATION, APPROVER, "approved", null);
        byte[] byAnother = decode(make.get().sign(CONFIRMATION, APPROVER, "approved", null));
        assertFalse(key.verifies(statement, byAnother), "signed by another key of the same kind");
        byte[] forged = byAnother.clone();
        forged[forged.length / 2] ^= 0x01;
        assertFalse(key.verifies(statement, forged), "a flipped bit");
        assertFalse(key.verifies(statement, new byte[0]), "empty");
        assertFalse(key.verifies(statement, "not a signature".getBytes(StandardCharsets.UTF_8)), "junk");
    }

    @Test
    void theStatementIsTheDocumentedBytes() {
        assertArrayEquals(("mplp-confirm-v1\n" + CONFIRMATION + "\n" + APPROVER + "\nrejected\nno\nway")
                .getBytes(StandardCharsets.UTF_8),
                new DecisionStatement(CONFIRMATION, APPROVER, "rejected", "no\nway").bytes());
        assertArrayEquals(DecisionSigner.statement(CONFIRMATION, APPROVER, "approved", null),
                new DecisionStatement(CONFIRMATION, APPROVER, "approved", null).bytes());
    }

    @Test
    void aKeyFingerprintIsTheSha256OfItsDer() throws Exception {
        DecisionSigner signer = DecisionSigner.ed25519();
        String pem = signer.publicKeyPem();
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", ""));
        String expected = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        assertEquals(expected, PublicKeys.parse(pem, "/public_key").fingerprint());
    }

    @Test
    void textThatIsNotAPemPublicKeyIsRefusedNamingTheRule() {
        assertViolation("hello", "pem", "no PEM block found; send the key as '-----BEGIN PUBLIC KEY-----' ..."
                + " '-----END PUBLIC KEY-----'");
        assertViolation("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "pem",
                "the PEM block is a 'PRIVATE KEY', not a 'PUBLIC KEY'; send the public key only, never a private key"
                        + " or certificate");
        String pem = DecisionSigner.ed25519().publicKeyPem();
        assertViolation(pem + pem, "pem", "the text holds more than one PEM block; send only the public key");
        assertViolation("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "key-encoding",
                "the PUBLIC KEY block is not a DER SubjectPublicKeyInfo");
    }

    @Test
    void rsaAndOtherCurvesAreRefusedNamingWhatIsAccepted() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertViolation(pem(rsa.generateKeyPair().getPublic().getEncoded()), "key-algorithm",
                "keys of algorithm OID 1.2.840.113549.1.1.1 are not accepted; register an Ed25519, ECDSA P-256"
                        + " (secp256r1) or ECDSA P-384 (secp384r1) key");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp521r1"));
        assertViolation(pem(ec.generateKeyPair().getPublic().getEncoded()), "key-algorithm",
                "EC keys on curve 1.3.132.0.35 are not accepted (only named curves P-256 and P-384); register an"
                        + " Ed25519, ECDSA P-256 (secp256r1) or ECDSA P-384 (secp384r1) key");
    }

    @Test
    void aPointOffTheCurveIsRefused() {
        byte[] der = Base64.getMimeDecoder().decode(DecisionSigner.p256().publicKeyPem()
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        der[der.length - 1] ^= 0x01;
        HostProblem problem = assertThrows(HostProblem.class, () -> PublicKeys.parse(pem(der), "/public_key"));
        assertEquals("key-encoding", rule(problem));
    }

    private static void assertViolation(String pem, String rule, String message) {
        HostProblem problem = assertThrows(HostProblem.class, () -> PublicKeys.parse(pem, "/public_key"));
        assertEquals(400, problem.status());
        assertEquals("schema-violation", problem.type());
        Map<?, ?> violation = (Map<?, ?>) ((List<?>) problem.properties().get("violations")).get(0);
        assertEquals("/public_key", violation.get("field"));
        assertEquals(rule, violation.get("rule"));
        assertEquals(message, violation.get("message"));
    }

    private static String rule(HostProblem problem) {
        return (String) ((Map<?, ?>) ((List<?>) problem.properties().get("violations")).get(0)).get("rule");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
