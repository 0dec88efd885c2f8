package dev.palisade.sandbox.bench;

import dev.palisade.sandbox.weaving.CallSiteWeaver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Loads {@link ReadGrantedFile} child-first in a class loader of its own, either woven for an
 * extension id by the sandbox's {@link CallSiteWeaver} (the bytes the weaving hook would hand to
 * the framework) or as compiled. Both variants are defined the same way, so the only difference
 * the JIT sees is the woven guard. Everything else (guards, decision point, JDK) comes from the
 * parent, as an extension bundle gets the guard package through its dynamic import.
 */
final class FixtureLoader extends ClassLoader {

    /** Whether the class is loaded as the sandbox weaves it. */
    enum Variant { WOVEN, UNWOVEN }

    private static final String FIXTURE = ReadGrantedFile.class.getName();

    private final Variant variant;
    private final String extensionId;

    FixtureLoader(Variant variant, String extensionId) {
        super(FixtureLoader.class.getClassLoader());
        this.variant = variant;
        this.extensionId = extensionId;
    }

    /** @return a new instance of the fixture, loaded in a fresh loader of the given variant */
    @SuppressWarnings("unchecked")
    static <T, R> Function<T, R> create(Variant variant, String extensionId) {
        try {
            Class<?> type = new FixtureLoader(variant, extensionId).loadClass(FIXTURE);
            return (Function<T, R>) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the " + variant + " fixture " + FIXTURE, e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(FIXTURE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = classFile(name);
                if (variant == Variant.WOVEN) {
                    bytes = woven(bytes, name);
                }
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    private byte[] woven(byte[] original, String name) {
        String internal = name.replace('.', '/');
        byte[] woven = new CallSiteWeaver().weave(original, extensionId, internal::equals);
        if (woven == null) {
            throw new IllegalStateException("the weaver found no guarded call in " + name
                    + "; benchmark (a) would compare two unwoven classes");
        }
        return woven;
    }

    static byte[] classFile(String name) {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = FixtureLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + resource + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
