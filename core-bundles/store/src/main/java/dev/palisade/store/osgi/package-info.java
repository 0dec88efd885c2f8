/**
 * The store in the OSGi framework: a DS component that opens the store at activation from framework
 * properties ({@code palisade.data.dir}, {@code palisade.db.url}, {@code palisade.db.user}, pool keys)
 * and the environment ({@code PALISADE_DB_PASSWORD}), registers it, and closes it at deactivation.
 * Nothing else here: the store itself is plain Java.
 */
package dev.palisade.store.osgi;
