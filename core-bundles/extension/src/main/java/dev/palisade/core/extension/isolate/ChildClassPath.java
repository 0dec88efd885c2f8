package dev.palisade.core.extension.isolate;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import dev.palisade.api.extension.Plugin;
import dev.palisade.sandbox.isolate.WovenJarLoader;

/**
 * The class path of a strict extension's child JVM, and nothing more: the jar (or folder) of each class in
 * {@link #ANCHORS} — the child's own classes, the sandbox, the API, Jackson and ASM. In a host each is the file
 * of the bundle that loaded it (its {@code file:} location, a jar in the distribution's {@code system/} folder);
 * outside a framework, the class's code source. Computed once.
 */
final class ChildClassPath {

    /** One class from each jar the child needs. */
    static final List<Class<?>> ANCHORS = List.of(ChildMain.class, WovenJarLoader.class, Plugin.class,
            ObjectMapper.class, JsonParser.class, JsonAutoDetect.class, ClassReader.class, ClassNode.class);

    private ChildClassPath() {
    }

    /**
     * @return the class path, entries joined by the platform's separator
     * @throws IllegalStateException naming a class whose jar cannot be found as a file
     */
    static String of() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> anchor : ANCHORS) {
            entries.add(fileOf(anchor));
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path fileOf(Class<?> anchor) {
        try {
            Bundle bundle = FrameworkUtil.getBundle(anchor);
            if (bundle != null && bundle.getLocation().startsWith("file:")) {
                return Path.of(new URI(bundle.getLocation()));
            }
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (bundle == null && source != null && source.getLocation() != null
                    && "file".equals(source.getLocation().getProtocol())) {
                return Path.of(source.getLocation().toURI());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException(problem(anchor) + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException(problem(anchor));
    }

    private static String problem(Class<?> anchor) {
        return "the jar holding " + anchor.getName() + " is not a file the child JVM of a strict extension can"
                + " put on its class path; install that bundle from a file: location";
    }
}
