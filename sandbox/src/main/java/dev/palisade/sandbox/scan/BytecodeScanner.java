package dev.palisade.sandbox.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The install-time bytecode scan: reads every class file of an extension jar (including
 * multi-release versions and the classes of jars nested in it, which Bundle-ClassPath may load)
 * and reports every guarded and forbidden site. Never loads or runs a class. Thread-safe.
 */
public final class BytecodeScanner {

    /** Nested jars deeper than this are not followed; their classes are reported as unreadable. */
    private static final int MAX_NESTING = 2;

    private final MemberRules rules;

    /** Scans with the sandbox's {@linkplain MemberRules#defaults() default rules}. */
    public BytecodeScanner() {
        this(MemberRules.defaults());
    }

    /** @param rules the member rules to scan with */
    public BytecodeScanner(MemberRules rules) {
        this.rules = rules;
    }

    /**
     * @param jar an extension jar (already staged and verified)
     * @return the sites found; call {@link ScanReport#requireNoForbiddenCalls()} to refuse the jar
     *         if any is forbidden
     * @throws UncheckedIOException if an entry cannot be read
     */
    public ScanReport scan(JarFile jar) {
        List<JarEntry> entries = Collections.list(jar.entries());
        Set<String> own = new HashSet<>();
        for (JarEntry entry : entries) {
            own.add(className(entry.getName()));
        }
        ClassInspector inspector = new ClassInspector(rules, own::contains);
        List<ScanRow> rows = new ArrayList<>();
        int classes = 0;
        for (JarEntry entry : entries) {
            if (entry.isDirectory()) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                classes += scanEntry(inspector, entry.getName(), in, rows, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + entry.getName() + " of " + jar.getName(), e);
            }
        }
        return new ScanReport(classes, rows);
    }

    /**
     * Scans one class file.
     *
     * @return the class's guarded and forbidden sites
     */
    public List<ScanRow> scanClass(byte[] classFile) {
        List<ScanRow> rows = new ArrayList<>();
        scanClassBytes(new ClassInspector(rules, name -> false), "(class)", classFile, rows);
        return rows;
    }

    /** @return the internal class name of a class entry (without a multi-release prefix), else the entry name */
    static String className(String entryName) {
        String name = entryName;
        if (name.startsWith("META-INF/versions/")) {
            int slash = name.indexOf('/', "META-INF/versions/".length());
            name = slash < 0 ? name : name.substring(slash + 1);
        }
        return name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : name;
    }

    private int scanEntry(ClassInspector inspector, String name, InputStream in, List<ScanRow> rows, int depth)
            throws IOException {
        if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
            scanClassBytes(inspector, name, in.readAllBytes(), rows);
            return 1;
        }
        if (!name.endsWith(".jar")) {
            return 0;
        }
        if (depth >= MAX_NESTING) {
            rows.add(unreadable(name, "jars nested more than " + MAX_NESTING + " deep are not scanned; unpack them"));
            return 0;
        }
        int classes = 0;
        try (ZipInputStream nested = new ZipInputStream(new ByteArrayInputStream(in.readAllBytes()))) {
            for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                if (!entry.isDirectory()) {
                    classes += scanEntry(inspector, name + "!/" + entry.getName(), nested, rows, depth + 1);
                }
            }
        }
        return classes;
    }

    private static void scanClassBytes(ClassInspector inspector, String entryName, byte[] bytes, List<ScanRow> rows) {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(bytes).accept(node, 0);
        } catch (RuntimeException e) {
            rows.add(unreadable(entryName, "the class file cannot be read (" + e + "); compile it with a JDK "
                    + "release the host supports"));
            return;
        }
        for (Site site : inspector.inspect(node)) {
            rows.add(ScanRow.of(site));
        }
    }

    private static ScanRow unreadable(String entryName, String reason) {
        return new ScanRow(entryName, "<class>", 0, "class_file", entryName, "forbidden", Verdict.UNSUPPORTED, reason);
    }
}
