package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.extension.UnknownMethodException;

/**
 * Base of the hostile fixtures: method {@code attack} runs {@link #attack} and answers
 * {@code {"result": "<text>"}}. Checked exceptions are rethrown unchecked; a
 * {@code SandboxViolation} is never caught here, so the host sees it (the fixtures that try to hide
 * it do so themselves). Packed into every hostile jar beside the fixture.
 */
public abstract class Attack implements Plugin {

    @Override
    public final Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        if (!method.equals("attack")) {
            throw new UnknownMethodException(method);
        }
        Object result;
        try {
            result = attack(input, context);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
        return Map.of("result", String.valueOf(result));
    }

    /** The attempt; {@code input} carries "dir", "path", "port", "name" as the test chose them. */
    protected abstract Object attack(Map<String, Object> input, InvocationContext context) throws Exception;

    /** @return the text input {@code key} */
    protected static String text(Map<String, Object> input, String key) {
        Object value = input.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the test sent no \"" + key + "\"");
        }
        return value.toString();
    }

    /** @return the integer input {@code key} */
    protected static int number(Map<String, Object> input, String key) {
        return Integer.parseInt(text(input, key));
    }

    /** @return the file an uncontained attack leaves behind: {dir}/escaped-{what} */
    protected static String marker(Map<String, Object> input, String what) {
        return text(input, "dir") + "/escaped-" + what;
    }
}
