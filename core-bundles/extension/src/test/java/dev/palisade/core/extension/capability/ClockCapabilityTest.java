package dev.palisade.core.extension.capability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ClockCapabilityTest {

    @TempDir
    Path temp;

    @Test
    void theConfiguredClockIsHandedOut() {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);
        CapabilityTesting t = new CapabilityTesting(temp, fixed);
        assertSame(fixed, t.capabilities().clock());
        assertEquals(Instant.parse("2030-01-02T03:04:05Z"), t.capabilities().clock().instant());
    }

    @Test
    void theHostFactoryUsesTheSystemUtcClock() {
        CapabilityFactory factory = CapabilityFactory.forHost(temp.resolve("home"), temp.resolve("data"));
        Clock clock = factory.forInvocation("ext-1", "x", dev.palisade.sandbox.permission.Grants.none(), "inv").clock();
        assertEquals(Clock.systemUTC(), clock);
        assertEquals(temp.resolve("data/extensions/ext-1/files").toAbsolutePath(), factory.dataFolder("ext-1"));
    }
}
