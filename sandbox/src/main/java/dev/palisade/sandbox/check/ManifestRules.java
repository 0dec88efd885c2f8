package dev.palisade.sandbox.check;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Install-time manifest rules for extension jars: the jar must be an OSGi bundle, must not ask the
 * framework to run its code on its own (activators, components, fragments, native code) and may
 * import only the extension API and {@code java.*}; it exports nothing, provides no capability and
 * requires none but its execution environment ({@code osgi.ee}). Stateless and thread-safe.
 */
public final class ManifestRules {

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern BUNDLE_VERSION =
            Pattern.compile("\\d+(\\.\\d+(\\.\\d+(\\.[A-Za-z0-9_-]+)?)?)?");

    /** Forbidden headers, each with why it is forbidden and what to do instead. */
    private static final Map<String, String> FORBIDDEN_HEADERS = new LinkedHashMap<>();

    static {
        FORBIDDEN_HEADERS.put("Bundle-Activator", "extensions are created by the host from the descriptor's "
                + "entry_point, never started by the framework: remove the header");
        FORBIDDEN_HEADERS.put("Service-Component", "extensions may not publish OSGi services through Declarative "
                + "Services; the host exposes the extension's methods: remove the header and its component XML");
        FORBIDDEN_HEADERS.put("Fragment-Host", "a fragment joins another bundle's class loader and escapes the "
                + "extension's isolation; ship the extension as an ordinary bundle: remove the header");
        FORBIDDEN_HEADERS.put("Require-Bundle", "it wires in every package another bundle exports, bypassing the "
                + "import allow-list; import the dev.palisade.api packages with Import-Package instead");
        FORBIDDEN_HEADERS.put("DynamicImport-Package", "it lets the extension load any exported package at run "
                + "time, bypassing the import allow-list; remove the header and import only dev.palisade.api "
                + "packages");
        FORBIDDEN_HEADERS.put("Bundle-NativeCode", "native code runs outside every JVM sandbox layer; extensions "
                + "must be pure Java: remove the header and the native libraries");
        FORBIDDEN_HEADERS.put("Export-Package", "extensions share no code with other bundles; keep every package "
                + "private: remove the header (with bnd, drop -exportcontents and @Export, or set Export-Package "
                + "to nothing)");
        FORBIDDEN_HEADERS.put("Provide-Capability", "extensions offer nothing to the framework's resolver; the host "
                + "exposes the extension's methods: remove the header");
    }

    /** The only Require-Capability namespace an extension may use: its Java version. */
    private static final String EXECUTION_ENVIRONMENT = "osgi.ee";

    /**
     * @param manifest the jar's manifest
     * @throws DeploymentRefusedException NOT_A_BUNDLE, FORBIDDEN_HEADER (every forbidden header is
     *                                    named) or FORBIDDEN_IMPORT (every forbidden package is named)
     */
    public void check(Manifest manifest) {
        Objects.requireNonNull(manifest, "manifest");
        Attributes main = manifest.getMainAttributes();
        checkBundle(main);
        checkHeaders(main);
        checkImports(main.getValue("Import-Package"));
    }

    private static void checkBundle(Attributes main) {
        String manifestVersion = main.getValue("Bundle-ManifestVersion");
        if (!"2".equals(manifestVersion == null ? null : manifestVersion.trim())) {
            throw notABundle("Bundle-ManifestVersion is " + describe(manifestVersion) + ", not 2");
        }
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName == null || !SYMBOLIC_NAME.matcher(OsgiHeader.firstPath(symbolicName)).matches()) {
            throw notABundle("Bundle-SymbolicName is " + describe(symbolicName)
                    + ", not a dotted name such as com.example.tools");
        }
        String version = main.getValue("Bundle-Version");
        if (version == null || !BUNDLE_VERSION.matcher(version.trim()).matches()) {
            throw notABundle("Bundle-Version is " + describe(version)
                    + ", not an OSGi version such as 1.0.0 (major.minor.micro[.qualifier])");
        }
    }

    private static DeploymentRefusedException notABundle(String problem) {
        return new DeploymentRefusedException(RefusalReason.NOT_A_BUNDLE, "the jar is not an OSGi bundle: "
                + problem + "; build it with bnd (bnd-maven-plugin) so its manifest has Bundle-ManifestVersion: 2, "
                + "Bundle-SymbolicName and Bundle-Version");
    }

    private static String describe(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }

    private static void checkHeaders(Attributes main) {
        List<String> problems = new ArrayList<>();
        FORBIDDEN_HEADERS.forEach((header, why) -> {
            String value = main.getValue(header);
            if (value != null && !(header.equals("Export-Package") && value.isBlank())) {
                problems.add(header + " is not allowed: " + why);
            }
        });
        String required = main.getValue("Require-Capability");
        if (required != null) {
            List<String> namespaces = new ArrayList<>();
            // Every parameter of a clause has '=' (attributes, directives), so the paths are the namespaces.
            for (String namespace : OsgiHeader.paths(required)) {
                if (!namespace.equals(EXECUTION_ENVIRONMENT) && !namespaces.contains(namespace)) {
                    namespaces.add(namespace);
                }
            }
            if (!namespaces.isEmpty()) {
                problems.add("Require-Capability may name only " + EXECUTION_ENVIRONMENT + ", not "
                        + String.join(", ", namespaces) + ": an extension may ask the framework for nothing but its "
                        + "Java version (an osgi.extender requirement, for one, would let an extender such as "
                        + "SPI Fly weave it); remove those clauses (bnd adds only osgi.ee unless told otherwise)");
            }
        }
        if (!problems.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.FORBIDDEN_HEADER, "the manifest has a forbidden "
                    + "header: " + String.join("; ", problems));
        }
    }

    private static void checkImports(String importPackage) {
        if (importPackage == null) {
            return;
        }
        List<String> forbidden = new ArrayList<>();
        for (String pkg : OsgiHeader.paths(importPackage)) {
            if (!isAllowedImport(pkg)) {
                forbidden.add(pkg);
            }
        }
        if (!forbidden.isEmpty()) {
            throw new DeploymentRefusedException(RefusalReason.FORBIDDEN_IMPORT, "the manifest imports "
                    + (forbidden.size() == 1 ? "package " : "packages ") + String.join(", ", forbidden)
                    + "; extensions may import only dev.palisade.api.* and java.* packages: remove "
                    + (forbidden.size() == 1 ? "that import" : "those imports")
                    + " (embed a library privately if you need one)");
        }
    }

    private static boolean isAllowedImport(String pkg) {
        return pkg.equals("dev.palisade.api") || pkg.startsWith("dev.palisade.api.") || pkg.startsWith("java.");
    }
}
