package dev.palisade.itests.escape.hostile;

import java.nio.file.Path;
import java.util.Map;
import java.util.spi.ToolProvider;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: runs the JDK's own {@code jar} tool through java.util.spi.ToolProvider, whose
 * (unwoven) JDK code reads the canary and writes a jar outside every grant.
 */
public final class ToolProviderJar extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        Path canary = Path.of(text(input, "path"));
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        return jar.run(System.out, System.err, "--create", "--file", marker(input, "tool.jar"), "-C",
                canary.getParent().toString(), canary.getFileName().toString());
    }
}
