package dev.palisade.sandbox.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Loads the weaving fixtures woven for one extension id, child-first, in a fresh class loader whose
 * parent (the test class path) supplies the guards, the decision point and the JDK.
 */
final class WovenClasses extends ClassLoader {

    static final String FIXTURES = "dev.palisade.sandbox.weaving.fixtures.";

    private final CallSiteWeaver weaver = new CallSiteWeaver();
    private final String extensionId;

    WovenClasses(String extensionId) {
        super(WovenClasses.class.getClassLoader());
        this.extensionId = extensionId;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(FIXTURES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] original = original(name);
                byte[] woven = weaver.weave(original, extensionId, type -> type.startsWith(FIXTURES.replace('.', '/')));
                byte[] bytes = woven == null ? original : woven;
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    static byte[] original(String name) {
        try (InputStream in = WovenClasses.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Function<String, Object> create(Class<?> fixture) {
        try {
            return (Function<String, Object>) loadClass(fixture.getName()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
