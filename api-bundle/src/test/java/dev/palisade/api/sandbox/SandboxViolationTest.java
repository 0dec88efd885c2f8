package dev.palisade.api.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SandboxViolationTest {

    @Test
    void carriesItsPartsAndFormatsTheStructuredMessage() {
        SandboxViolation violation = new SandboxViolation("text-tools", "net.connect", "evil.example:443");
        assertEquals("text-tools", violation.extension());
        assertEquals("net.connect", violation.permission());
        assertEquals("evil.example:443", violation.target());
        assertEquals("extension [text-tools], permission [net.connect], target [evil.example:443]",
                violation.getMessage());
        assertEquals("dev.palisade.api.sandbox.SandboxViolation: extension [text-tools], permission [net.connect], "
                + "target [evil.example:443]", violation.toString());
    }

    @Test
    void isUncheckedSecurityException() {
        RuntimeException unchecked = new SandboxViolation("x", "thread.create", "");
        assertEquals(SecurityException.class, unchecked.getClass().getSuperclass());
        assertEquals("extension [x], permission [thread.create], target []", unchecked.getMessage());
    }

    @Test
    void refusesMissingParts() {
        assertThrows(NullPointerException.class, () -> new SandboxViolation(null, "file.read", "/x"));
        assertThrows(NullPointerException.class, () -> new SandboxViolation("x", null, "/x"));
        assertThrows(NullPointerException.class, () -> new SandboxViolation("x", "file.read", null));
    }
}
