/**
 * The deploy pipeline: stage a private copy, verify and check it (the sandbox library), decide whether
 * it may replace what serves, install it into the framework, create the plugin, switch the registry,
 * then retire the old version.
 *
 * <p>{@link dev.palisade.core.extension.deploy.DeploymentPipeline} runs one deployment at a time (one
 * lock). Refusals and failures never touch what serves; every attempt, successful or not, becomes a
 * {@link dev.palisade.host.bridge.DeploymentRecord} in the store's deployment
 * history ({@link dev.palisade.core.extension.deploy.DeploymentRecords}) and one entry in the audit log
 * ({@code DeploymentAudit}: outcome, source, jar hash, publisher, the steps passed and the one that stopped
 * it). A record's {@code reason} always starts with
 * a bracketed code ({@code [untrusted-signer] ...}, {@code [deployed] ...}) followed by what happened
 * and, for refusals and failures, what to do. Private implementation package.
 */
package dev.palisade.core.extension.deploy;
