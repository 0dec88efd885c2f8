package dev.palisade.core.extension.deploy;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import dev.palisade.core.extension.isolate.IsolatedPlugin;
import dev.palisade.core.extension.registry.ExtensionKind;
import dev.palisade.core.extension.run.ExtensionRuntime;

/**
 * Installs a checked extension jar into the framework, starts it and creates its entry instance; retires
 * installed extension bundles. Every extension bundle gets a location starting with
 * {@value #LOCATION_PREFIX} and the start level of the bundle that installs it, so it starts at once
 * even while the framework is still raising its start level. Called under the deployment lock.
 */
public final class ExtensionInstaller {

    /** The location prefix of every bundle this installer installs. */
    public static final String LOCATION_PREFIX = "palisade-extension:";

    private static final System.Logger LOG = System.getLogger(ExtensionInstaller.class.getName());

    private static final int MAX_MESSAGE = 2000;

    private final BundleContext context;

    /** @param context the context of the core extension bundle */
    public ExtensionInstaller(BundleContext context) {
        this.context = context;
    }

    /**
     * An installed, started extension bundle and the instance created from its entry class (implementing its
     * kind's entry type).
     */
    public record Installation(Bundle bundle, ClassLoader classLoader, Object entry) {
    }

    /**
     * Installs the staged jar under a unique location, starts it, loads the entry class and creates its
     * instance. On any failure the new bundle is uninstalled again before this method throws.
     *
     * @param staged     the verified private copy of the jar
     * @param location   a location no other bundle uses
     * @param label      {@code name version}, for messages
     * @param entryPoint the binary name of the entry class
     * @param kind       the extension's kind: the entry class must implement its entry type
     * @param runtime    the version's runtime: the entry class is initialized and constructed on its pool, under
     *                   its time limit, never on the deploying thread
     * @throws DeploymentFailure naming what failed: install, the unresolved requirement, the start error,
     *         a missing entry class, one that does not implement the kind's entry type ({@code not-a-plugin},
     *         {@code not-a-hook}, ...), the constructor's exception, or a constructor
     *         that ran past the time limit
     */
    public Installation install(Path staged, String location, String label, String entryPoint, ExtensionKind kind,
            ExtensionRuntime runtime) {
        return start(installOnly(staged, location, label), label, entryPoint, kind, runtime);
    }

    /**
     * Installs the staged jar under a unique location without starting it (a version that waits for
     * approval): no code of it runs.
     *
     * @throws DeploymentFailure {@code install-failed} naming the framework's refusal
     */
    public Bundle installOnly(Path staged, String location, String label) {
        try (InputStream in = Files.newInputStream(staged)) {
            return context.installBundle(location, in);
        } catch (BundleException | java.io.IOException | RuntimeException e) {
            throw new DeploymentFailure(Reasons.INSTALL_FAILED, "the framework refused to install " + label + ": "
                    + e.getMessage() + "; check the jar's manifest headers", e);
        }
    }

    /**
     * Starts an installed extension bundle, loads the entry class and creates its instance. On any failure the
     * bundle is uninstalled before this method throws.
     *
     * @throws DeploymentFailure as {@link #install}
     */
    public Installation start(Bundle bundle, String label, String entryPoint, ExtensionKind kind,
            ExtensionRuntime runtime) {
        try {
            return startAndCreate(bundle, label, entryPoint, kind, runtime);
        } catch (DeploymentFailure e) {
            retire(bundle);
            throw e;
        } catch (RuntimeException | Error e) {
            retire(bundle);
            throw new DeploymentFailure(Reasons.START_FAILED, "deploying " + label + " failed unexpectedly: "
                    + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private Installation startAndCreate(Bundle bundle, String label, String entryPoint, ExtensionKind kind,
            ExtensionRuntime runtime) {
        BundleStartLevel own = context.getBundle().adapt(BundleStartLevel.class);
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        if (own != null && level != null && own.getStartLevel() >= 1) {
            level.setStartLevel(own.getStartLevel());
        }
        try {
            bundle.start(Bundle.START_TRANSIENT);
        } catch (BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR) {
                throw new DeploymentFailure(Reasons.UNRESOLVED, "bundle " + bundle.getSymbolicName() + " ("
                        + label + ") did not resolve: " + e.getMessage() + "; an extension may import only the"
                        + " dev.palisade.api packages the host exports, at versions it exports: fix the"
                        + " Import-Package header", e);
            }
            throw new DeploymentFailure(Reasons.START_FAILED, "bundle " + bundle.getSymbolicName() + " (" + label
                    + ") did not start: " + e.getMessage(), e);
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new DeploymentFailure(Reasons.START_FAILED, "bundle " + bundle.getSymbolicName() + " (" + label
                    + ") has no wiring after start (state " + bundle.getState() + ")", null);
        }
        ClassLoader loader = wiring.getClassLoader();
        Object entry = create(bundle, loader, label, entryPoint, kind, runtime);
        return new Installation(bundle, loader, entry);
    }

    private static Object create(Bundle bundle, ClassLoader loader, String label, String entryPoint,
            ExtensionKind kind, ExtensionRuntime runtime) {
        Class<?> type;
        try {
            type = bundle.loadClass(entryPoint);
        } catch (ClassNotFoundException e) {
            throw new DeploymentFailure(Reasons.ENTRY_CLASS_MISSING, "entry class " + entryPoint + " of " + label
                    + " cannot be found in the bundle; make implementation.entry_point name a class in the jar",
                    e);
        } catch (LinkageError e) {
            throw new DeploymentFailure(Reasons.ENTRY_CLASS_MISSING, "entry class " + entryPoint + " of " + label
                    + " cannot be loaded: " + e.getClass().getName() + ": " + e.getMessage()
                    + "; package every class it needs inside the jar", e);
        }
        if (!kind.entryType().isAssignableFrom(type)) {
            throw new DeploymentFailure(kind.mismatchCode(), "entry class " + entryPoint + " of " + label
                    + " does not implement " + kind.entryType().getName() + "; implement it, importing package"
                    + " dev.palisade.api.extension from the host", null);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new DeploymentFailure(Reasons.NOT_INSTANTIABLE, "entry class " + entryPoint + " of " + label
                    + " is not a public concrete class; make it public and not abstract", null);
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new DeploymentFailure(Reasons.NOT_INSTANTIABLE, "entry class " + entryPoint + " of " + label
                    + " has no public no-argument constructor; add one", e);
        }
        return createOnPool(runtime, () -> construct(constructor, loader, label, entryPoint), label, entryPoint);
    }

    /**
     * Starts a strict extension: its bundle stays installed, not started (no class of it loads in the host), and
     * {@code creation} starts its child JVM on the version's pool under its time limit. On any failure the bundle
     * is uninstalled before this method throws.
     *
     * @param creation answers the host's stand-in for the entry instance
     *                 ({@link dev.palisade.core.extension.isolate.StrictIsolation#creation})
     * @throws DeploymentFailure as {@link #install}
     */
    public Installation startIsolated(Bundle bundle, String label, String entryPoint, ExtensionRuntime runtime,
            Callable<Object> creation) {
        try {
            Object entry = createOnPool(runtime, creation, label, entryPoint);
            if (entry instanceof IsolatedPlugin child) {
                runtime.closeWith(child);
                runtime.onTimeout(child::stopChildServing);
            }
            return new Installation(bundle, null, entry);
        } catch (RuntimeException e) {
            retire(bundle);
            throw e;
        }
    }

    private static Object createOnPool(ExtensionRuntime runtime, Callable<Object> creation, String label,
            String entryPoint) {
        try {
            return runtime.create(creation);
        } catch (TimeoutException e) {
            throw new DeploymentFailure(Reasons.CONSTRUCTOR_FAILED, "the constructor (or static initializer) of"
                    + " entry class " + entryPoint + " of " + label + " did not complete within the time limit of "
                    + runtime.timeout().toMillis() + " ms; its thread was interrupted and abandoned. Make the"
                    + " constructor quick and do slow work in invoke", null);
        } catch (DeploymentFailure e) {
            throw e;
        } catch (RejectedExecutionException e) {
            throw new DeploymentFailure(Reasons.START_FAILED, "the entry class of " + label + " could not be created:"
                    + " the extension's thread pool is closed (the host is stopping); deploy again", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentFailure(Reasons.START_FAILED, "deploying " + label + " was interrupted while its"
                    + " entry class was created (the host is stopping); deploy again", null);
        } catch (Throwable e) {
            throw new DeploymentFailure(Reasons.START_FAILED, "creating the entry class of " + label + " failed in"
                    + " the host: " + e.getClass().getName(), null);
        }
    }

    /**
     * Runs on the extension's thread: initializes and constructs the entry class, and describes whatever the
     * extension threw there (its getMessage is extension code), with no cause attached.
     */
    private static Object construct(Constructor<?> constructor, ClassLoader loader, String label, String entryPoint) {
        Thread thread = Thread.currentThread();
        thread.setContextClassLoader(loader);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeploymentFailure(Reasons.CONSTRUCTOR_FAILED, "the constructor of entry class " + entryPoint
                    + " of " + label + " threw " + describe(cause)
                    + "; fix the constructor so that it completes without error", null);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeploymentFailure(Reasons.CONSTRUCTOR_FAILED, "the static initializer of entry class "
                    + entryPoint + " of " + label + " threw " + describe(cause)
                    + "; fix it so that it completes without error", null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new DeploymentFailure(Reasons.NOT_INSTANTIABLE, "entry class " + entryPoint + " of " + label
                    + " cannot be instantiated: " + describe(e), null);
        } catch (VirtualMachineError e) {
            throw new DeploymentFailure(Reasons.CONSTRUCTOR_FAILED, "the constructor of entry class " + entryPoint
                    + " of " + label + " failed with " + e.getClass().getName() + " (it exhausted a resource of the"
                    + " JVM); fix the constructor", null);
        } finally {
            thread.setContextClassLoader(null);
        }
    }

    /** {@code class: message} of an extension's throwable, bounded; call only on the extension's thread. */
    private static String describe(Throwable thrown) {
        String name = thrown.getClass().getName();
        String message;
        try {
            Object read = thrown.getMessage();
            message = read instanceof String text ? text : null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            message = "(its message could not be read: " + e.getClass().getName() + ")";
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "… (" + message.length() + " chars)";
        }
        return name + ": " + message;
    }

    /** Stops and uninstalls an extension bundle; failures are logged, never thrown. */
    public void retire(Bundle bundle) {
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return;
        }
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping extension bundle [" + bundle.getBundleId() + "] "
                    + bundle.getSymbolicName() + " failed: " + e.getMessage());
        }
        try {
            bundle.uninstall();
        } catch (BundleException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "uninstalling extension bundle [" + bundle.getBundleId() + "] "
                    + bundle.getSymbolicName() + " failed: " + e.getMessage());
            return;
        }
        // Let the framework drop the removed revision (and its class loader) once no call uses it.
        try {
            FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
            if (wiring != null) {
                wiring.refreshBundles(List.of(bundle));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "refreshing after removing extension bundle ["
                    + bundle.getBundleId() + "] failed: " + e.getMessage());
        }
    }

    /**
     * Uninstalls extension bundles left in the framework cache by an earlier run that did not stop
     * cleanly; their jars are deployed again from the deploy folder and the kept uploads.
     *
     * @return how many were removed
     */
    public int removeLeftovers() {
        int removed = 0;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                LOG.log(System.Logger.Level.INFO, "removing extension bundle [" + bundle.getBundleId() + "] "
                        + bundle.getSymbolicName() + " left over from an earlier run");
                retire(bundle);
                removed++;
            }
        }
        return removed;
    }
}
