package dev.palisade.core.extension.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.palisade.sandbox.permission.Permission;

class PermissionCoverageTest {

    @ParameterizedTest(name = "{0} {1} covers {0} {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "file.read|reports/**|reports/daily/*.csv|true",
        "file.read|reports/**|reports|true",
        "file.read|reports/**|reportsX/a|false",
        "file.read|reports/*|reports/**|false",
        "file.read|**|out/a.txt|true",
        "file.read|**|/etc/passwd|false",
        "file.read|/srv/**|/srv/data/x|true",
        "file.read|/srv/**|srv/data/x|false",
        "file.read|/**|/etc/passwd|true",
        "file.read|reports/a.txt|reports/a.txt|true",
        "file.read|reports/a.txt|reports/b.txt|false",
        "net.connect|*.example.org:443|api.example.org:443|true",
        "net.connect|*.example.org:443|*.api.example.org:443|true",
        "net.connect|*.example.org:443|example.org:443|false",
        "net.connect|*.example.org:443|api.example.org:80|false",
        "net.connect|*.example.org:*|api.example.org:8000-8099|true",
        "net.connect|api.example.org:8000-8099|api.example.org:8000-9000|false",
        "net.connect|*:443|10.0.0.1:443|true",
        "net.connect|*.example.org:443|*:443|false",
        "net.connect|*.example.org:443|127.0.0.1:443|false",
        "env.read|APP_*|APP_MODE|true",
        "env.read|APP_*|APP_X*|true",
        "env.read|APP_*|AP*|false",
        "env.read|HOME|HOME|true",
        "env.read|HOME|HOMES|false",
        "secret.read|*|db.password|true",
        "property.read|app.*|user.home|false",
    })
    void coversOnlyWhatItAllowsAtLeast(String kind, String pattern, String requested, boolean covers) {
        assertEquals(covers, PermissionCoverage.covers(Permission.parse(kind, pattern), Permission.parse(kind, requested)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"file.read|**|file.write|out/**", "env.read|*|property.read|a"})
    void neverAcrossKinds(String kind, String pattern, String otherKind, String target) {
        assertEquals(false, PermissionCoverage.covers(Permission.parse(kind, pattern), Permission.parse(otherKind, target)));
    }
}
