/**
 * The trace module's REST resource under {@code /api/v1/mplp/traces}, a servlet the module registers with the
 * HTTP whiteboard: recording, queries, a trace's spans (flat or as a tree) and the live stream as
 * server-sent events. Errors are {@code application/problem+json} naming the field and the rule. Private
 * implementation package.
 */
package dev.palisade.core.trace.rest;
