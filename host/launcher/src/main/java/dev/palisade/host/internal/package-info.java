/**
 * How the launcher starts a host; private to the launcher.
 *
 * <p>{@link dev.palisade.host.internal.HostSettings} resolves the home folder
 * ({@link dev.palisade.host.internal.HomeLayout}) and settings;
 * {@link dev.palisade.host.internal.FeaturesParser} reads the Karaf features subset and
 * {@link dev.palisade.host.internal.FeatureCatalog} expands the boot features into bundle lines,
 * whose {@code mvn:} links {@link dev.palisade.host.internal.SystemRepository} finds in system/.
 * All of that is checked before any framework exists, so a bad home fails fast with one clear line.
 * {@link dev.palisade.host.internal.BootSequence} then initializes Felix (cache cleaned on first
 * init, bridge package exported by the system bundle), registers the launcher's
 * {@code HostStatus}, installs and starts the bundles by start level, requires every boot bundle to
 * be active (a failure names the bundle and its missing requirement) and waits for the services
 * named in {@code palisade.ready.services} before it reports ready.
 */
package dev.palisade.host.internal;
