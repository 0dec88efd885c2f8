/**
 * The embedding API: start a Palisade host inside an application.
 *
 * <p>{@link dev.palisade.host.Palisade#builder()} collects a home folder, a port and framework
 * properties; {@code start()} launches an Apache Felix framework with the boot features named in
 * etc/palisade.properties and returns a {@link dev.palisade.host.PalisadeHost} once it is ready, or
 * throws a {@link dev.palisade.host.PalisadeStartException} whose one-line message says what was
 * wrong. The application's class path needs only the launcher, the host bridge and the Felix
 * framework: every other library runs as a bundle inside the framework. Values cross in JDK types
 * and the bridge's records.
 */
package dev.palisade.host;
