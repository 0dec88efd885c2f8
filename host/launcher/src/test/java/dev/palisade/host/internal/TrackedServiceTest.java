package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;

import dev.palisade.host.bridge.HostProblem;

/** The embedding API no longer asks the registry on every call: what it reads must still follow the registry. */
class TrackedServiceTest {

    @TempDir
    Path temp;

    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void start() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, temp.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterEach
    void stop() throws Exception {
        if (framework.getState() == Bundle.ACTIVE) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static HostProblem unavailable() {
        return new HostProblem(503, "extension-module-unavailable", "Extension module unavailable", "not running");
    }

    @Test
    void answersTheProblemWhileNothingIsRegisteredAndFollowsRegistrationsAndRemovals() {
        try (TrackedService<Runnable> tracked = new TrackedService<>(context, Runnable.class,
                TrackedServiceTest::unavailable)) {
            HostProblem before = assertThrows(HostProblem.class, tracked::get);
            assertEquals(503, before.status());
            assertEquals("extension-module-unavailable", before.type());

            Runnable first = () -> { };
            ServiceRegistration<Runnable> registration = context.registerService(Runnable.class, first, null);
            assertSame(first, tracked.get());
            assertSame(first, tracked.get());

            registration.unregister(); // the module stopped
            assertThrows(HostProblem.class, tracked::get);

            Runnable second = () -> { };
            context.registerService(Runnable.class, second, null); // and started again
            assertSame(second, tracked.get());
        }
    }

    @Test
    void eachCallWithoutTheServiceGetsItsOwnProblem() {
        try (TrackedService<Runnable> tracked = new TrackedService<>(context, Runnable.class,
                TrackedServiceTest::unavailable)) {
            HostProblem one = assertThrows(HostProblem.class, tracked::get);
            HostProblem two = assertThrows(HostProblem.class, tracked::get);
            assertEquals(false, one == two, "a shared exception would carry one caller's suppressed exceptions to the next");
        }
    }

    @Test
    void closingAfterTheFrameworkStoppedIsQuiet() throws Exception {
        TrackedService<Runnable> tracked = new TrackedService<>(context, Runnable.class, TrackedServiceTest::unavailable);
        framework.stop();
        framework.waitForStop(10_000);
        tracked.close();
    }
}
