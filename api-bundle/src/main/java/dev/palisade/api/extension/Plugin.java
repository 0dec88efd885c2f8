package dev.palisade.api.extension;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The entry class contract of a {@code plugin} extension: named methods, JSON in, JSON out.
 *
 * <p>The host creates one instance per deployed version through the public no-argument
 * constructor; a constructor that throws makes the deployment fail and leaves any earlier version
 * serving. The host may call {@link #invoke} from several threads at once, so an implementation
 * must be thread-safe. The input has already been validated against the method's input schema
 * from the descriptor; the returned value is validated against its output schema.
 */
@ConsumerType
public interface Plugin {

    /**
     * Runs one method.
     *
     * @param method  a method name the descriptor lists
     * @param input   the validated input object; never {@code null}, JSON-compatible values only
     * @param context facts about this call, valid only until the method returns
     * @return a JSON-compatible value (Map with String keys, List, String, Number, Boolean or null)
     * @throws ExtensionException when the call cannot be answered; the host reports the code and
     *         message to the caller. Any other exception is reported as an internal extension
     *         failure.
     */
    Object invoke(String method, Map<String, Object> input, InvocationContext context);
}
