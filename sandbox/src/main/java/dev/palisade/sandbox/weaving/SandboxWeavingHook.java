package dev.palisade.sandbox.weaving;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * Weaves the classes of extension bundles as they load: guarded JDK calls get their run-time
 * checks ({@link CallSiteWeaver}), a dynamic import of the guard package from the sandbox's own
 * bundle is added to the woven class, and a class with a forbidden site does not load.
 *
 * <p>Fails closed: any failure, whatever its type, is thrown as {@link WeavingException} (the
 * framework then refuses to define the class, and keeps this hook; any other exception would make
 * it drop the hook and load later classes unwoven). Classes of other bundles are left alone.
 * Must be registered before the first extension is installed. Thread-safe.
 */
public final class SandboxWeavingHook implements WeavingHook {

    /** The package woven code calls. */
    public static final String GUARD_PACKAGE = "dev.palisade.sandbox.guard";

    private final ExtensionBundles extensions;
    private final CallSiteWeaver weaver;
    private final String dynamicImport;

    /**
     * @param extensions  which bundles are extensions, and their ids
     * @param weaver      the weaver
     * @param guardBundle the bundle that exports {@link #GUARD_PACKAGE} (the one embedding the sandbox)
     */
    public SandboxWeavingHook(ExtensionBundles extensions, CallSiteWeaver weaver, Bundle guardBundle) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.weaver = Objects.requireNonNull(weaver, "weaver");
        this.dynamicImport = GUARD_PACKAGE + ";bundle-symbolic-name=\"" + guardBundle.getSymbolicName() + "\"";
    }

    @Override
    public void weave(WovenClass wovenClass) {
        String className = "(unknown class)";
        String extensionId = "(unknown extension)";
        try {
            className = wovenClass.getClassName();
            Bundle bundle = wovenClass.getBundleWiring().getBundle();
            Optional<String> id = extensions.extensionId(bundle);
            if (id.isEmpty()) {
                return;
            }
            extensionId = id.get();
            Predicate<String> ownType = name -> bundle.getEntry(name + ".class") != null;
            byte[] woven = weaver.weave(wovenClass.getBytes(), extensionId, ownType);
            if (woven != null) {
                wovenClass.setBytes(woven);
                wovenClass.getDynamicImports().add(dynamicImport);
            }
        } catch (WeavingException e) {
            throw e;
        } catch (ForbiddenCodeException e) {
            throw new WeavingException(e.getMessage(), e);
        } catch (Throwable e) {
            throw new WeavingException("extension [" + extensionId + "] class [" + className + "] cannot be woven, so it "
                    + "is not loaded: " + e, e);
        }
    }
}
