package dev.palisade.core.execute;

import dev.palisade.host.bridge.ConfirmationGate;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.host.bridge.TraceSink;

/**
 * The other modules' services the engine uses when they are there: each answer may be {@code null} (the
 * module is not running) and may change between two calls. Thread-safe.
 */
interface Collaborators {

    /** @return the extension module; without it no task that calls a plugin can start */
    ExtensionHost extensions();

    /** @return the context module's objects; without it no execution can start */
    ProtocolObjects contexts();

    /** @return the confirm module; without it a task that requires approval fails */
    ConfirmationGate confirmations();

    /** @return the hook extensions; without them every operation proceeds unchanged */
    LifecycleHooks hooks();

    /** @return the policy extensions; without them the quality gate lets every plan through */
    PolicyDecisions policies();

    /** @return the trace module; without it no span is recorded */
    TraceSink traces();
}
