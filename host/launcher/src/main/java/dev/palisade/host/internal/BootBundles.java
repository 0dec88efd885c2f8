package dev.palisade.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * The bundles of the boot features, each found in system/: read before any framework exists,
 * then installed with their start levels and, once the framework has started, checked to be
 * active. Not thread-safe; used by one start.
 */
final class BootBundles {

    private final List<FeatureBundle> lines;
    private final List<Path> files;
    private final List<Bundle> installed = new ArrayList<>();

    private BootBundles(List<FeatureBundle> lines, List<Path> files) {
        this.lines = lines;
        this.files = files;
    }

    /**
     * Reads the features files, expands the boot features and finds every bundle in system/.
     *
     * @throws PalisadeStartException (INVALID_FEATURES, BUNDLE_NOT_FOUND) naming what is wrong
     */
    static BootBundles of(HostSettings settings) {
        SystemRepository system = new SystemRepository(settings.layout().system());
        List<Feature> features = new ArrayList<>();
        for (MavenLink repository : settings.featureRepositories()) {
            Path file = system.resolve(repository, HostSettings.FEATURE_REPOSITORIES);
            try (InputStream in = Files.newInputStream(file)) {
                features.addAll(FeaturesParser.parse(in, file.getFileName().toString()));
            } catch (IOException e) {
                throw new PalisadeStartException(StartFailure.INVALID_FEATURES, "cannot read features file " + file + ": " + e, e);
            }
        }
        List<FeatureBundle> lines = new FeatureCatalog(features).bundlesOf(settings.bootFeatures());
        String usage = "a boot feature (" + String.join(",", settings.bootFeatures()) + ")";
        List<Path> files = lines.stream().map(line -> system.resolve(line.link(), usage)).toList();
        return new BootBundles(lines, files);
    }

    /** @return the highest start level of any boot bundle, at least 1 */
    int highestStartLevel() {
        return lines.stream().mapToInt(FeatureBundle::startLevel).max().orElse(1);
    }

    /**
     * Installs every bundle, sets its start level and marks the ones to start (fragments are never
     * started). Call between the framework's init and start.
     *
     * @throws PalisadeStartException (BUNDLE_NOT_STARTED) when a file is not a valid bundle
     */
    void install(BundleContext context) {
        for (int i = 0; i < lines.size(); i++) {
            FeatureBundle line = lines.get(i);
            try {
                Bundle bundle = context.installBundle(files.get(i).toUri().toString());
                bundle.adapt(BundleStartLevel.class).setStartLevel(line.startLevel());
                if (line.start() && !isFragment(bundle)) {
                    bundle.start();
                }
                installed.add(bundle);
            } catch (BundleException e) {
                throw new PalisadeStartException(StartFailure.BUNDLE_NOT_STARTED, "bundle " + line.link() + " (" + files.get(i)
                        + ") cannot be installed: " + OneLine.of(e.getMessage()) + "; replace the file in system/ with a valid OSGi bundle", e);
            }
        }
    }

    /**
     * Requires every bundle that should be active to be active. Each that is not gets started once
     * more, synchronously, so that the exception names the missing requirement or the activator's
     * failure (the framework's own report of it is an asynchronous event).
     *
     * @throws PalisadeStartException (BUNDLE_NOT_STARTED) naming the first failed bundle and why,
     *         and how many more failed
     */
    void requireActive() {
        List<String> failed = new ArrayList<>();
        String first = null;
        Throwable firstCause = null;
        for (int i = 0; i < installed.size(); i++) {
            Bundle bundle = installed.get(i);
            FeatureBundle line = lines.get(i);
            if (!line.start() || isFragment(bundle) || bundle.getState() == Bundle.ACTIVE) {
                continue;
            }
            String name = "boot bundle " + BundleNames.of(bundle) + " (" + line.link() + ")";
            try {
                bundle.start();
                if (bundle.getState() == Bundle.ACTIVE) {
                    continue;
                }
                failed.add(BundleNames.of(bundle));
                if (first == null) {
                    first = name + " is not active (state " + bundle.getState() + "); see the log";
                }
            } catch (BundleException | RuntimeException e) {
                failed.add(BundleNames.of(bundle));
                if (first == null) {
                    first = name + " did not start: " + ResolutionMessage.summarize(e) + "; " + advice(e);
                    firstCause = e;
                }
            }
        }
        if (first != null) {
            String more = failed.size() > 1
                    ? " (" + (failed.size() - 1) + " more failed: " + String.join(", ", failed.subList(1, failed.size())) + ")"
                    : "";
            throw new PalisadeStartException(StartFailure.BUNDLE_NOT_STARTED, first + more, firstCause);
        }
    }

    private static String advice(Throwable e) {
        if (e instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
            return "add a bundle that provides it to a boot feature (features.xml) and to system/";
        }
        return "see the log for the bundle's stack trace";
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
