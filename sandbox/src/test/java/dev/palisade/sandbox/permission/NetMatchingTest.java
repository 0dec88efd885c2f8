package dev.palisade.sandbox.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class NetMatchingTest {

    @Test
    void wildcardCoversSubdomainsOnlyAndNeverAddresses() {
        HostPattern pattern = HostPattern.parse("*.example.org");
        assertTrue(pattern.matches("api.example.org"));
        assertTrue(pattern.matches("a.b.EXAMPLE.org."));
        assertFalse(pattern.matches("example.org"));
        assertFalse(pattern.matches("evilexample.org"));
        assertFalse(pattern.matches("example.org.evil.test"));
        assertFalse(pattern.matches("127.0.0.1"));
        assertFalse(pattern.matches(null));
    }

    @Test
    void namesAndAddressesMatchExactly() {
        assertTrue(HostPattern.parse("Example.org").matches("example.ORG"));
        assertFalse(HostPattern.parse("example.org").matches("www.example.org"));
        assertTrue(HostPattern.parse("127.0.0.1").matches("127.0.0.1"));
        assertFalse(HostPattern.parse("127.0.0.1").matches("127.0.0.10"));
        assertTrue(HostPattern.parse("[::1]").matches("0:0:0:0:0:0:0:1"));
        assertTrue(HostPattern.parse("[::1]").matches("[::1]"));
        assertTrue(HostPattern.parse("[::ffff:10.0.0.1]").matches("::ffff:a00:1"));
        assertTrue(HostPattern.parse("*").matches("anything.test"));
    }

    @Test
    void ipv6Canonicalisation() {
        assertEquals("2001:db8:0:0:0:0:0:1", Ipv6.expand("2001:DB8::1"));
        assertEquals("0:0:0:0:0:0:0:0", Ipv6.expand("::"));
        assertEquals("1:0:0:0:0:0:0:0", Ipv6.expand("1::"));
        assertEquals("0:0:0:0:0:ffff:c0a8:101", Ipv6.expand("::ffff:192.168.1.1"));
        assertNull(Ipv6.expand("1::2::3"));
        assertNull(Ipv6.expand("1:2:3"));
        assertNull(Ipv6.expand("1:2:3:4:5:6:7:8:9"));
        assertNull(Ipv6.expand("12345::"));
        assertNull(Ipv6.expand("fe80::1%eth0"));
        assertNull(Ipv6.expand("::1.2.3.256"));
    }

    @Test
    void portRanges() {
        assertTrue(PortRange.parse("*").contains(1));
        assertTrue(PortRange.parse("*").contains(65535));
        assertTrue(PortRange.parse("8000-8099").contains(8099));
        assertFalse(PortRange.parse("8000-8099").contains(8100));
        assertFalse(PortRange.parse("443").contains(444));
    }

    @Test
    void grantsCoverConnectByNameOrByGrantedAddress() {
        Grants grants = Grants.of(Path.of("/data/ext"), List.of(Permission.parse("net.connect", "api.example.org:443"),
                Permission.parse("net.connect", "127.0.0.1:8000-8001")));
        assertTrue(grants.mayConnect("api.example.org", "93.184.216.34", 443));
        assertFalse(grants.mayConnect("api.example.org", "93.184.216.34", 80));
        assertFalse(grants.mayConnect(null, "93.184.216.34", 443));
        assertTrue(grants.mayConnect("localhost", "127.0.0.1", 8001));
        assertFalse(grants.mayConnect("localhost", null, 8001));
        assertTrue(grants.mayResolve("api.example.org"));
        assertFalse(grants.mayResolve("evil.example"));
        assertFalse(Grants.none().mayConnect("api.example.org", null, 443));
    }

    @Test
    void namedGrantsByKind() {
        Grants grants = Grants.of(Path.of("/data/ext"), List.of(Permission.parse("property.read", "app.*"),
                Permission.parse("env.read", "HOME"), Permission.parse("thread.create", null)));
        assertTrue(grants.mayReadNamed(PermissionKind.PROPERTY_READ, "app.name"));
        assertFalse(grants.mayReadNamed(PermissionKind.PROPERTY_READ, "user.home"));
        assertFalse(grants.mayReadNamed(PermissionKind.ENV_READ, "app.name"));
        assertTrue(grants.mayReadNamed(PermissionKind.ENV_READ, "HOME"));
        assertFalse(grants.mayReadNamed(PermissionKind.ENV_READ, "HOMEX"));
        assertFalse(grants.mayReadNamed(PermissionKind.SECRET_READ, "HOME"));
        assertTrue(grants.mayCreateThreads());
        assertFalse(Grants.none().mayCreateThreads());
    }
}
