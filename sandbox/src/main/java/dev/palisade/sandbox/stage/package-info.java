/**
 * Staging, the first sandbox layer: {@link dev.palisade.sandbox.stage.JarStager} copies a candidate
 * jar into a private file and checks it is a well-formed zip within
 * {@link dev.palisade.sandbox.stage.StagingLimits}; the result is a
 * {@link dev.palisade.sandbox.stage.StagedJar} that later layers read and the host installs.
 */
package dev.palisade.sandbox.stage;
