package dev.palisade.core.execute.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why one attempt of a task failed, and whether trying again may help (timeouts, a busy or failing
 * extension) or not (invalid input, an unknown method, an error the plugin reported).
 */
public final class TaskFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final boolean retryable;

    /**
     * @param code      a short slug ({@code invocation-timeout}, {@code approval-rejected})
     * @param status    the HTTP status of the underlying problem, 0 when there is none
     * @param message   what went wrong
     * @param retryable whether another attempt may succeed
     */
    public TaskFailure(String code, int status, String message, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** @return {@code {type, status, message, retryable}} as the task state shows it */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", code);
        if (status != 0) {
            out.put("status", status);
        }
        out.put("message", getMessage());
        out.put("retryable", retryable);
        return out;
    }
}
