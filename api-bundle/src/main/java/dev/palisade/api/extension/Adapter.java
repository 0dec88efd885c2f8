package dev.palisade.api.extension;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The entry class contract of an {@code adapter} extension: carries protocol objects to an outside platform
 * (an issue tracker, a CI system). Its descriptor lists what it exports in {@code interface.events} as
 * {@code export:<object type>} ({@code export:plan}, {@code export:context}, ...).
 *
 * <p>The adapter does the outside work itself, through the capabilities of its context (the HTTP capability
 * reaches only the hosts its granted {@code net.connect} permissions name); the host never makes the outside
 * call for it. It runs on its own threads, within its time limit, under the same sandbox, grants and
 * quarantine as a plugin. The host creates one instance per deployed version through the public no-argument
 * constructor and may call it from several threads at once, so it must be thread-safe.
 *
 * @since 1.2
 */
@ConsumerType
public interface Adapter {

    /**
     * Exports one protocol object.
     *
     * @param objectType an object type the descriptor lists, such as {@code plan}
     * @param object     the object, JSON-compatible values only
     * @param options    what the caller asks of this export (the platform's endpoint, a project key, ...),
     *                   JSON-compatible values only; may be empty
     * @param context    facts about this call, valid only until the method returns
     * @return what the export produced (for example the outside platform's ids), JSON-compatible values only
     * @throws ExtensionException when the export cannot be done; the host reports the code and message
     */
    Map<String, Object> export(String objectType, Map<String, Object> object, Map<String, Object> options,
            InvocationContext context);
}
