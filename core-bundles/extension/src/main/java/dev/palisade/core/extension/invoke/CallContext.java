package dev.palisade.core.extension.invoke;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.api.extension.InvocationContext;

/**
 * The context one invocation hands an extension's entry instance: who is called, which method, the invocation's
 * id and its capabilities. Used for in-process calls ({@link EntryCall}) and inside a strict extension's child
 * JVM alike.
 *
 * @param extensionId      the extension's id
 * @param extensionName    its name
 * @param extensionVersion its version
 * @param method           the method called
 * @param invocationId     the invocation's id
 * @param capabilities     the invocation's capabilities
 */
public record CallContext(String extensionId, String extensionName, String extensionVersion, String method,
        String invocationId, Capabilities capabilities) implements InvocationContext {
}
