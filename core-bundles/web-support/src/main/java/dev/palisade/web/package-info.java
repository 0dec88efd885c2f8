/**
 * JSON over HTTP for the core bundles' servlets: one Jackson setup, JSON responses, bounded request
 * bodies and RFC 9457 problem documents.
 *
 * <p>This is a plain library, not an API: every core bundle embeds a private copy of the classes it
 * uses (bnd {@code -conditionalpackage: dev.palisade.web.*}), so nothing here is exported or shared
 * between bundles. Errors travel as {@link dev.palisade.host.bridge.HostProblem}; {@link
 * dev.palisade.web.ApiServlet} turns any that escape a handler into an
 * {@code application/problem+json} response whose {@code type} is
 * {@code urn:palisade:problem:<slug>}. All classes are stateless or immutable and thread-safe.
 */
package dev.palisade.web;
