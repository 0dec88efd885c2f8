package dev.palisade.core.extension.registry;

import java.util.Arrays;
import java.util.Optional;

import dev.palisade.api.extension.Adapter;
import dev.palisade.api.extension.Hook;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.extension.Policy;

/**
 * The kinds of extension the host runs: the descriptor's {@code type}, the API interface its entry class must
 * implement, and the refusal code of an entry class that does not.
 */
public enum ExtensionKind {
    /** Named methods, JSON in, JSON out. */
    PLUGIN("plugin", Plugin.class, "not-a-plugin"),
    /** Told about lifecycle events; may veto or amend before. */
    HOOK("hook", Hook.class, "not-a-hook"),
    /** Answers allow or deny to the questions it lists. */
    POLICY("policy", Policy.class, "not-a-policy"),
    /** Exports protocol objects to an outside platform. */
    ADAPTER("adapter", Adapter.class, "not-an-adapter");

    private final String type;
    private final Class<?> entryType;
    private final String mismatchCode;

    ExtensionKind(String type, Class<?> entryType, String mismatchCode) {
        this.type = type;
        this.entryType = entryType;
        this.mismatchCode = mismatchCode;
    }

    /** @return the kind a descriptor's {@code type} names, if the host runs it */
    public static Optional<ExtensionKind> of(String type) {
        return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
    }

    /** @return the descriptor's {@code type} for this kind */
    public String type() {
        return type;
    }

    /** @return the API interface the entry class implements */
    public Class<?> entryType() {
        return entryType;
    }

    /** @return the code of a deployment refusal, or a call's problem, when an extension is not of this kind */
    public String mismatchCode() {
        return mismatchCode;
    }
}
