package dev.palisade.sandbox.felix;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.isolation.SandboxHooks;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.policy.DecisionPoint;
import dev.palisade.sandbox.policy.SandboxPolicy;
import dev.palisade.sandbox.policy.ViolationLog;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the test host bundle, which embeds the sandbox as the core extension bundle will:
 * it registers the sandbox hooks and installs the decision point at start, before any extension
 * is installed. The test talks to it through services typed with JDK interfaces only (the test's
 * copies of the sandbox classes are not the bundle's).
 *
 * <p>Test convention: a bundle is an extension when its manifest carries
 * {@code Palisade-Test-Extension-Id}. (The real host decides by what it installed, never by a
 * header the extension controls.)
 */
public final class SandboxTestHost implements BundleActivator {

    static final String EXTENSION_HEADER = "Palisade-Test-Extension-Id";

    private final Map<String, Grants> grants = new ConcurrentHashMap<>();
    private SandboxHooks hooks;

    @Override
    public void start(BundleContext context) {
        hooks = SandboxHooks.register(context, bundle -> Optional.ofNullable(bundle.getHeaders("").get(EXTENSION_HEADER)));
        DecisionPoint.install(new SandboxPolicy() {
            @Override
            public Grants grantsFor(String extensionId) {
                return grants.getOrDefault(extensionId, Grants.none());
            }
        });
        Path data = Path.of(context.getProperty("palisade.test.data"));
        BiConsumer<String, List<String>> grant = (id, permissions) -> grants.put(id, Grants.of(data.resolve(id),
                permissions.stream().map(SandboxTestHost::permission).toList()));
        Function<String, List<String>> violations = id -> DecisionPoint.violations(id).recent().stream()
                .map(ViolationLog.Violation::message).toList();
        Supplier<String> secondInstall = () -> {
            try {
                DecisionPoint.install(extensionId -> Grants.of(Path.of("/"), List.of(Permission.parse("file.read", "/**"))));
                return "installed";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        };
        Supplier<String> violationType = () -> SandboxViolation.class.getName() + "@"
                + System.identityHashCode(SandboxViolation.class);
        context.registerService(BiConsumer.class, grant, properties("grant"));
        context.registerService(Function.class, violations, properties("violations"));
        context.registerService(Supplier.class, secondInstall, properties("second-install"));
        context.registerService(Supplier.class, violationType, properties("violation-type"));
    }

    private static Permission permission(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? Permission.parse(text, null) : Permission.parse(text.substring(0, space), text.substring(space + 1));
    }

    private static Hashtable<String, Object> properties(String role) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("palisade.test", role);
        return properties;
    }

    @Override
    public void stop(BundleContext context) {
        hooks.unregister();
    }
}
