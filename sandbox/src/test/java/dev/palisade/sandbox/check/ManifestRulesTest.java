package dev.palisade.sandbox.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestRulesTest {

    private final ManifestRules rules = new ManifestRules();

    private static Manifest bundle() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.example.echo");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "dev.palisade.api.extension;version=\"[1.0,2)\"");
        return manifest;
    }

    private DeploymentRefusedException refused(Manifest manifest, RefusalReason reason) {
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> rules.check(manifest));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Test
    void acceptsAPlainExtensionBundle() {
        rules.check(bundle());
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "com.example.echo;singleton:=true");
        manifest.getMainAttributes().putValue("Bundle-Version", "2.3.4.SNAPSHOT");
        manifest.getMainAttributes().putValue("Import-Package",
                "dev.palisade.api.extension;version=\"[1.0,2)\",java.util.function,dev.palisade.api");
        rules.check(manifest);
        manifest.getMainAttributes().remove(new Attributes.Name("Import-Package"));
        rules.check(manifest);
    }

    @Test
    void refusesAPlainJar() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        DeploymentRefusedException e = refused(manifest, RefusalReason.NOT_A_BUNDLE);
        assertEquals("[not-a-bundle] the jar is not an OSGi bundle: Bundle-ManifestVersion is missing, not 2; build "
                + "it with bnd (bnd-maven-plugin) so its manifest has Bundle-ManifestVersion: 2, Bundle-SymbolicName "
                + "and Bundle-Version", e.getMessage());
    }

    @Test
    void refusesAMissingSymbolicName() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().remove(new Attributes.Name("Bundle-SymbolicName"));
        DeploymentRefusedException e = refused(manifest, RefusalReason.NOT_A_BUNDLE);
        assertEquals("the jar is not an OSGi bundle: Bundle-SymbolicName is missing, not a dotted name such as "
                + "com.example.tools; build it with bnd (bnd-maven-plugin) so its manifest has Bundle-ManifestVersion: "
                + "2, Bundle-SymbolicName and Bundle-Version", e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0-SNAPSHOT", "v1", "1..0", "1.0.0.a.b", ""})
    void refusesAnInvalidBundleVersion(String version) {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        DeploymentRefusedException e = refused(manifest, RefusalReason.NOT_A_BUNDLE);
        assertEquals("the jar is not an OSGi bundle: Bundle-Version is \"" + version + "\", not an OSGi version such "
                + "as 1.0.0 (major.minor.micro[.qualifier]); build it with bnd (bnd-maven-plugin) so its manifest has "
                + "Bundle-ManifestVersion: 2, Bundle-SymbolicName and Bundle-Version", e.detail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bundle-Activator|com.example.Activator|extensions are created by the host from the descriptor's entry_point, never started by the framework: remove the header",
        "Service-Component|OSGI-INF/*.xml|extensions may not publish OSGi services through Declarative Services; the host exposes the extension's methods: remove the header and its component XML",
        "Fragment-Host|dev.palisade.core.extension|a fragment joins another bundle's class loader and escapes the extension's isolation; ship the extension as an ordinary bundle: remove the header",
        "Require-Bundle|org.apache.felix.framework|it wires in every package another bundle exports, bypassing the import allow-list; import the dev.palisade.api packages with Import-Package instead",
        "DynamicImport-Package|*|it lets the extension load any exported package at run time, bypassing the import allow-list; remove the header and import only dev.palisade.api packages",
        "Bundle-NativeCode|lib/evil.so;osname=Linux|native code runs outside every JVM sandbox layer; extensions must be pure Java: remove the header and the native libraries",
    })
    void refusesEachForbiddenHeader(String header, String value, String why) {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue(header, value);
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_HEADER);
        assertEquals("[forbidden-header] the manifest has a forbidden header: " + header + " is not allowed: " + why,
                e.getMessage());
    }

    @Test
    void namesEveryForbiddenHeader() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Bundle-Activator", "a.B");
        manifest.getMainAttributes().putValue("DynamicImport-Package", "*");
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_HEADER);
        assertEquals("the manifest has a forbidden header: Bundle-Activator is not allowed: extensions are created by "
                + "the host from the descriptor's entry_point, never started by the framework: remove the header; "
                + "DynamicImport-Package is not allowed: it lets the extension load any exported package at run time, "
                + "bypassing the import allow-list; remove the header and import only dev.palisade.api packages",
                e.detail());
    }

    @Test
    void refusesAnImportOfTheFrameworkApi() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Import-Package",
                "dev.palisade.api.extension,org.osgi.framework;version=\"[1.9,2)\"");
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_IMPORT);
        assertEquals("[forbidden-import] the manifest imports package org.osgi.framework; extensions may import only "
                + "dev.palisade.api.* and java.* packages: remove that import (embed a library privately if you need "
                + "one)", e.getMessage());
    }

    @Test
    void namesEveryForbiddenImportAndHonoursQuotedCommas() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Import-Package",
                "dev.palisade.api.extension;version=\"[1,2)\",dev.palisade.host.bridge;resolution:=optional,"
                        + "dev.palisade.apix;version=\"[1,2)\",javax.script");
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_IMPORT);
        assertEquals("the manifest imports packages dev.palisade.host.bridge, dev.palisade.apix, javax.script; "
                + "extensions may import only dev.palisade.api.* and java.* packages: remove those imports (embed a "
                + "library privately if you need one)", e.detail());
    }

    @Test
    void acceptsTheExecutionEnvironmentRequirementBndWrites() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
        manifest.getMainAttributes().putValue("Export-Package", "");
        rules.check(manifest);
    }

    @Test
    void refusesAnExport() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Export-Package", "com.example.echo;version=\"1.0.0\"");
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_HEADER);
        assertEquals("[forbidden-header] the manifest has a forbidden header: Export-Package is not allowed: extensions "
                + "share no code with other bundles; keep every package private: remove the header (with bnd, drop "
                + "-exportcontents and @Export, or set Export-Package to nothing)", e.getMessage());
    }

    @Test
    void refusesAProvidedCapability() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Provide-Capability", "osgi.serviceloader;osgi.serviceloader=\"a.B\"");
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_HEADER);
        assertEquals("[forbidden-header] the manifest has a forbidden header: Provide-Capability is not allowed: "
                + "extensions offer nothing to the framework's resolver; the host exposes the extension's methods: "
                + "remove the header", e.getMessage());
    }

    /** Regression: Aries SPI Fly weaves any bundle that requires its extender, so an extension must never ask. */
    @Test
    void refusesAnExtenderRequirementBesideTheExecutionEnvironment() {
        Manifest manifest = bundle();
        manifest.getMainAttributes().putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\","
                + "osgi.extender;filter:=\"(osgi.extender=osgi.serviceloader.processor)\",osgi.serviceloader;"
                + "filter:=\"(osgi.serviceloader=a.B)\";cardinality:=multiple");
        DeploymentRefusedException e = refused(manifest, RefusalReason.FORBIDDEN_HEADER);
        assertEquals("[forbidden-header] the manifest has a forbidden header: Require-Capability may name only "
                + "osgi.ee, not osgi.extender, osgi.serviceloader: an extension may ask the framework for nothing but "
                + "its Java version (an osgi.extender requirement, for one, would let an extender such as SPI Fly "
                + "weave it); remove those clauses (bnd adds only osgi.ee unless told otherwise)", e.getMessage());
    }
}
