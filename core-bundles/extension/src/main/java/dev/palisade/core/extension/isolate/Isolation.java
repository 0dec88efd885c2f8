package dev.palisade.core.extension.isolate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an extension version is isolated, read from its descriptor: {@code security.sandbox_level} {@code strict}
 * runs it in a child JVM ({@link #strict()}); {@code basic}, {@code none} (which Palisade treats as basic) and a
 * missing level run it in the host. A strict extension's heap is {@code implementation.configuration.memory_limit}
 * ({@code "64m"}, {@code "512k"}, {@code "1g"}): at least {@value #MIN_MB} MB, at most {@value #MAX_MB} MB,
 * {@value #DEFAULT_MB} MB when not set.
 *
 * @param strict        whether the version runs in a child JVM
 * @param heapMegabytes the child's {@code -Xmx} in MB (meaningful only when strict)
 */
public record Isolation(boolean strict, long heapMegabytes) {

    /** The heap of a strict extension whose descriptor sets no {@code memory_limit}, in MB. */
    public static final long DEFAULT_MB = 128;
    /** The smallest heap a strict extension may ask for, in MB. */
    public static final long MIN_MB = 16;
    /** The largest heap a strict extension may ask for, in MB. */
    public static final long MAX_MB = 1024;

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,9})([kmg])");

    /** Runs in the host, as {@code basic}. */
    public static final Isolation IN_PROCESS = new Isolation(false, 0);

    /**
     * @param descriptor the extension's descriptor
     * @param plugin     whether the extension is a plugin: only plugins may be strict (hooks, policies and
     *                   adapters answer the host's own operations, which wait for them in the host)
     * @return its isolation
     * @throws IllegalArgumentException naming a malformed or out-of-range {@code memory_limit}, a
     *                                  {@code memory_limit} on an extension that is not strict, or a strict
     *                                  extension that is not a plugin
     */
    public static Isolation of(JsonNode descriptor, boolean plugin) {
        boolean strict = "strict".equals(descriptor.path("security").path("sandbox_level").asText());
        if (strict && !plugin) {
            throw new IllegalArgumentException("security.sandbox_level \"strict\" runs an extension in a child JVM,"
                    + " which only plugins can be; run this hook, policy or adapter with sandbox_level \"basic\"");
        }
        JsonNode limit = descriptor.path("implementation").path("configuration").path("memory_limit");
        if (limit.isMissingNode() || limit.isNull()) {
            return strict ? new Isolation(true, DEFAULT_MB) : IN_PROCESS;
        }
        if (!strict) {
            throw new IllegalArgumentException("implementation.configuration.memory_limit is set, but only a"
                    + " security.sandbox_level \"strict\" extension has a memory limit of its own; set the level to"
                    + " strict or remove memory_limit");
        }
        Matcher size = SIZE.matcher(limit.asText().toLowerCase(Locale.ROOT));
        if (!limit.isTextual() || !size.matches()) {
            throw new IllegalArgumentException("implementation.configuration.memory_limit is " + limit
                    + "; write a size such as \"64m\" (k, m or g), from " + MIN_MB + "m to " + MAX_MB + "m");
        }
        long number = Long.parseLong(size.group(1));
        long megabytes = switch (size.group(2)) {
            case "k" -> number / 1024;
            case "g" -> number * 1024;
            default -> number;
        };
        if (megabytes < MIN_MB || megabytes > MAX_MB) {
            throw new IllegalArgumentException("implementation.configuration.memory_limit is " + limit + " ("
                    + megabytes + " MB); a strict extension's heap must be from " + MIN_MB + "m to " + MAX_MB + "m");
        }
        return new Isolation(true, megabytes);
    }
}
