package dev.palisade.sandbox.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PermissionParseTest {

    @Test
    void parsesEachKindToItsCanonicalForm() {
        assertEquals("file.read reports/**", Permission.parse("file.read", "./reports//**").toString());
        assertEquals("file.write /var/out/*.csv", Permission.parse("file.write", "/var/out/*.csv").toString());
        assertEquals("net.connect *.example.org:443", Permission.parse("net.connect", "*.Example.ORG:443").toString());
        assertEquals("net.connect [0:0:0:0:0:0:0:1]:8000-8099", Permission.parse("net.connect", "[::1]:8000-8099").toString());
        assertEquals("net.connect 127.0.0.1:*", Permission.parse("net.connect", "127.0.0.1:*").toString());
        assertEquals("secret.read db.password", Permission.parse("secret.read", "db.password").toString());
        assertEquals("env.read HOME", Permission.parse("env.read", "HOME").toString());
        assertEquals("property.read app.*", Permission.parse("property.read", "app.*").toString());
        assertSame(ThreadPermission.INSTANCE, Permission.parse("thread.create", null));
        assertSame(ThreadPermission.INSTANCE, Permission.parse("thread.create", ""));
    }

    @Test
    void equalPermissionsAreEqual() {
        assertEquals(Permission.parse("file.read", "a/b"), Permission.parse("file.read", "a//./b"));
        assertEquals(Permission.parse("net.connect", "[::1]:80"), Permission.parse("net.connect", "[0:0::1]:80"));
    }

    @Test
    void refusesNeverGrantedKindsSayingWhy() {
        InvalidPermissionException e = assertThrows(InvalidPermissionException.class,
                () -> Permission.parse("reflection", "*"));
        assertEquals("permission [reflection] can never be granted: reflection reaches private state of host objects "
                + "and bypasses call-site checks; remove it from security.permissions", e.getMessage());
        for (NeverGranted never : NeverGranted.values()) {
            assertThrows(InvalidPermissionException.class, () -> Permission.parse(never.id(), "x"), never.id());
        }
    }

    @Test
    void refusesUnknownKindsListingTheKnownOnes() {
        InvalidPermissionException e = assertThrows(InvalidPermissionException.class,
                () -> Permission.parse("file.delete", "x"));
        assertEquals("unknown permission [file.delete]; use one of file.read, file.write, net.connect, secret.read, "
                + "env.read, property.read, thread.create", e.getMessage());
    }

    @Test
    void refusesMissingAndSuperfluousTargets() {
        assertEquals("permission [net.connect] needs a target: host:port, where host may be *.example.org or * and "
                        + "port may be *",
                assertThrows(InvalidPermissionException.class, () -> Permission.parse("net.connect", null)).getMessage());
        assertEquals("permission [thread.create] takes no target; remove \"4\"",
                assertThrows(InvalidPermissionException.class, () -> Permission.parse("thread.create", "4")).getMessage());
    }

    @Test
    void refusesMalformedTargets() {
        assertMessage("path glob \"../etc/passwd\" contains '..'; name the folder itself (relative patterns stay "
                + "inside the data folder)", "file.read", "../etc/passwd");
        assertMessage("path glob \"/srv/a/../../etc\" contains '..'; name the folder itself (relative patterns stay "
                + "inside the data folder)", "file.write", "/srv/a/../../etc");
        assertMessage("path glob \"a\\b\" contains a backslash; separate folders with /", "file.read", "a\\b");
        assertMessage("path glob \"a/x**/b\" uses ** inside the segment \"x**\"; ** must stand alone between "
                + "separators", "file.read", "a/x**/b");
        assertMessage("path glob \"{a,b}\" contains '{'; only * , ** and ? are wildcards here", "file.read", "{a,b}");
        assertMessage("path glob \".\" names no file; write ** for the whole data folder, or a path below it",
                "file.read", ".");
        assertMessage("net.connect target \"example.org\" is not host:port; give host:port, where host may be "
                + "*.example.org or * and port may be *", "net.connect", "example.org");
        assertMessage("port 70000 is not within 1-65535", "net.connect", "example.org:70000");
        assertMessage("port \"http\" is not a number from 1 to 65535, a range such as 8000-8099, or *",
                "net.connect", "example.org:http");
        assertMessage("port range 90-80 is not within 1-65535", "net.connect", "example.org:90-80");
        assertMessage("host \"ex_ample.org\" is not a host name (label \"ex_ample\"); use letters, digits and '-', and "
                + "* only as the first label, as in *.example.org", "net.connect", "ex_ample.org:80");
        assertMessage("host \"a.*.org\" is not a host name (label \"*\"); use letters, digits and '-', and * only as "
                + "the first label, as in *.example.org", "net.connect", "a.*.org:80");
        assertMessage("host \"::1\" looks like an IPv6 address; write it in brackets, as in [::1]:8080",
                "net.connect", "::1:80");
        assertMessage("host \"[::g]\" is not an IPv6 address", "net.connect", "[::g]:80");
        assertMessage("permission [property.read] target \"a*b\" has '*' before its end; '*' may only end a name "
                + "prefix, as in app.*", "property.read", "a*b");
        assertMessage("permission [env.read] target \"A B\" contains a space, control character or '='; give an "
                + "environment variable name, or a prefix ending in *", "env.read", "A B");
    }

    private static void assertMessage(String expected, String kind, String target) {
        assertEquals(expected, assertThrows(InvalidPermissionException.class,
                () -> Permission.parse(kind, target)).getMessage());
    }
}
