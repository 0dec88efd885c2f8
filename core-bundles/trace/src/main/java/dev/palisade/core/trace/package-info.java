/**
 * The MPLP Trace module: spans checked against the MPLP trace schema and recorded in batches (all or none,
 * one transaction each), queried by trace, context, agent and status, and streamed live to subscribers. The
 * same recording path serves REST and the bridge's {@link dev.palisade.host.bridge.TraceSink}, through which
 * the other modules trace their work. Private implementation package; the bundle exports nothing.
 */
package dev.palisade.core.trace;
