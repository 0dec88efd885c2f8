/**
 * The deployment history: every deployment attempt the host made, with its outcome, kept across
 * restarts. Rows are written once and never changed.
 */
package dev.palisade.store.deployments;
