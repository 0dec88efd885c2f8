package dev.palisade.sandbox.isolate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

import dev.palisade.sandbox.weaving.CallSiteWeaver;
import dev.palisade.sandbox.weaving.ForbiddenCodeException;

/**
 * The class loader of an extension outside the framework (in the child JVM of a {@code strict} extension): it
 * defines the classes of one verified extension jar after the same {@link CallSiteWeaver} rewriting the weaving
 * hook applies in the host, and lets the extension see only what the module layer lets it wire to in the host:
 * {@code java.*} (from the platform class loader), the API packages {@code dev.palisade.api.*} and the guard
 * package (from {@code hostLoader}, where the decision point holds the extension's grants). Every other name not
 * in the jar is not found. A class with a forbidden site does not load: {@link ClassFormatError} naming each
 * site, as the weaving hook's refusal. Thread-safe (parallel capable).
 */
public final class WovenJarLoader extends ClassLoader implements AutoCloseable {

    private static final String[] HOST_PACKAGES = {"dev.palisade.api.", "dev.palisade.sandbox.guard."};

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String extensionId;
    private final CallSiteWeaver weaver;
    private final ClassLoader hostLoader;

    /**
     * @param jarFile     the extension's verified jar (multi-release entries are read for this runtime)
     * @param extensionId the id fixed into every guard call
     * @param weaver      the weaver with the host's rules
     * @param hostLoader  the loader of the API and guard packages
     * @throws UncheckedIOException if the jar cannot be opened
     */
    public WovenJarLoader(Path jarFile, String extensionId, CallSiteWeaver weaver, ClassLoader hostLoader) {
        super("extension-" + extensionId, ClassLoader.getPlatformClassLoader());
        this.extensionId = Objects.requireNonNull(extensionId, "extensionId");
        this.weaver = Objects.requireNonNull(weaver, "weaver");
        this.hostLoader = Objects.requireNonNull(hostLoader, "hostLoader");
        try {
            this.jar = new JarFile(jarFile.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
        } catch (IOException e) {
            throw new UncheckedIOException("extension jar " + jarFile + " cannot be opened", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = name.startsWith("java.") ? getParent().loadClass(name) : hostOrOwn(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> hostOrOwn(String name) throws ClassNotFoundException {
        for (String prefix : HOST_PACKAGES) {
            if (name.startsWith(prefix)) {
                return hostLoader.loadClass(name);
            }
        }
        return findClass(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = entry(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException("extension [" + extensionId + "] class [" + name + "] is neither in its"
                    + " jar nor in java.* or dev.palisade.api.*, the only packages an extension may use");
        }
        byte[] woven;
        try {
            woven = weaver.weave(bytes, extensionId, internal -> jar.getJarEntry(internal + ".class") != null);
        } catch (ForbiddenCodeException e) {
            throw new ClassFormatError(e.getMessage());
        } catch (RuntimeException e) {
            throw new ClassFormatError("extension [" + extensionId + "] class [" + name + "] cannot be woven, so it is"
                    + " not loaded: " + e);
        }
        byte[] defined = woven == null ? bytes : woven;
        return defineClass(name, defined, 0, defined.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = name.endsWith(".class") ? null : entry(name);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    private byte[] entry(String name) {
        JarEntry entry = jar.getJarEntry(name);
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("entry " + name + " of the jar of extension [" + extensionId
                    + "] cannot be read", e);
        }
    }

    /** Closes the jar; classes already defined stay usable, later loads fail. */
    @Override
    public void close() throws IOException {
        jar.close();
    }
}
