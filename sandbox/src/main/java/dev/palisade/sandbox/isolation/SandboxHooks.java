package dev.palisade.sandbox.isolation;

import dev.palisade.sandbox.weaving.CallSiteWeaver;
import dev.palisade.sandbox.weaving.ExtensionBundles;
import dev.palisade.sandbox.weaving.SandboxWeavingHook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.bundle.EventHook;
import org.osgi.framework.hooks.bundle.FindHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.weaving.WeavingHook;

/**
 * Registers the sandbox's framework hooks: the {@link SandboxWeavingHook}, the resolver hook that
 * limits what extensions wire to, and the bundle and service find/event hooks that hide the
 * framework from them. The host calls {@link #register} once, from the bundle that embeds the
 * sandbox and exports {@code dev.palisade.sandbox.guard}, before it installs any extension.
 */
public final class SandboxHooks {

    /** Bundle-SymbolicName of the Palisade API bundle. */
    public static final String API_SYMBOLIC_NAME = "dev.palisade.api";

    private final List<ServiceRegistration<?>> registrations;

    private SandboxHooks(List<ServiceRegistration<?>> registrations) {
        this.registrations = registrations;
    }

    /**
     * @param context    the bundle context of the bundle that embeds the sandbox and exports the guard package
     * @param extensions which bundles are extensions, and their ids
     * @return the registrations, to {@link #unregister} when the host stops
     */
    public static SandboxHooks register(BundleContext context, ExtensionBundles extensions) {
        return register(context, extensions, API_SYMBOLIC_NAME);
    }

    /**
     * @param apiSymbolicName Bundle-SymbolicName of the bundle whose {@code dev.palisade.api.*} packages
     *                        extensions may import
     */
    public static SandboxHooks register(BundleContext context, ExtensionBundles extensions, String apiSymbolicName) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extensions, "extensions");
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        registrations.add(context.registerService(WeavingHook.class,
                new SandboxWeavingHook(extensions, new CallSiteWeaver(), context.getBundle()), null));
        long guardBundleId = context.getBundle().getBundleId();
        registrations.add(context.registerService(ResolverHookFactory.class,
                triggers -> new ExtensionResolverHook(extensions, apiSymbolicName, guardBundleId), null));
        ExtensionVisibilityHooks visibility = new ExtensionVisibilityHooks(extensions, apiSymbolicName);
        registrations.add(context.registerService(FindHook.class, visibility.bundleFindHook(), null));
        registrations.add(context.registerService(EventHook.class, visibility.bundleEventHook(), null));
        registrations.add(context.registerService(org.osgi.framework.hooks.service.FindHook.class,
                visibility.serviceFindHook(), null));
        registrations.add(context.registerService(EventListenerHook.class, visibility.serviceEventListenerHook(), null));
        return new SandboxHooks(List.copyOf(registrations));
    }

    /** Unregisters every hook; extensions must be stopped and uninstalled first. */
    public void unregister() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }
}
