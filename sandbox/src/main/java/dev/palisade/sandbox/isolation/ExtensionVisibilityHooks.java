package dev.palisade.sandbox.isolation;

import dev.palisade.sandbox.weaving.ExtensionBundles;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.bundle.EventHook;
import org.osgi.framework.hooks.bundle.FindHook;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.ListenerHook;

/**
 * Hides the framework from extension bundles: through a bundle context of an extension, only the
 * extension itself and the API bundle are found and reported in bundle events, and only services
 * the API bundle registers are found and reported in service events. Extensions get no bundle
 * context from the host; this holds should one obtain it anyway. Thread-safe.
 */
final class ExtensionVisibilityHooks {

    private final ExtensionBundles extensions;
    private final String apiSymbolicName;

    ExtensionVisibilityHooks(ExtensionBundles extensions, String apiSymbolicName) {
        this.extensions = extensions;
        this.apiSymbolicName = apiSymbolicName;
    }

    private boolean isExtension(BundleContext context) {
        try {
            return extensions.isExtension(context.getBundle());
        } catch (IllegalStateException stale) {
            return true;
        }
    }

    private boolean visibleTo(Bundle viewer, Bundle bundle) {
        return bundle != null && (bundle.equals(viewer) || apiSymbolicName.equals(bundle.getSymbolicName()));
    }

    private boolean serviceVisible(ServiceReference<?> reference) {
        Bundle registrar = reference.getBundle();
        return registrar != null && apiSymbolicName.equals(registrar.getSymbolicName());
    }

    FindHook bundleFindHook() {
        return (context, bundles) -> {
            if (isExtension(context)) {
                Bundle viewer = context.getBundle();
                bundles.removeIf(bundle -> !visibleTo(viewer, bundle));
            }
        };
    }

    EventHook bundleEventHook() {
        return (BundleEvent event, Collection<BundleContext> contexts) -> contexts.removeIf(
                context -> isExtension(context) && !visibleTo(context.getBundle(), event.getBundle()));
    }

    org.osgi.framework.hooks.service.FindHook serviceFindHook() {
        return (context, name, filter, allServices, references) -> {
            if (isExtension(context)) {
                references.removeIf(reference -> !serviceVisible(reference));
            }
        };
    }

    EventListenerHook serviceEventListenerHook() {
        return (ServiceEvent event, Map<BundleContext, Collection<ListenerHook.ListenerInfo>> listeners) -> {
            if (!serviceVisible(event.getServiceReference())) {
                listeners.keySet().removeIf(this::isExtension);
            }
        };
    }
}
