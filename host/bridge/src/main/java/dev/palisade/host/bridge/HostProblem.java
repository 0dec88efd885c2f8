package dev.palisade.host.bridge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed host operation, shaped as an RFC 9457 problem so that REST can answer with
 * {@code application/problem+json} and the embedding API can throw it unchanged.
 */
public class HostProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    /**
     * @param status     the HTTP status that fits, such as 404
     * @param type       a short slug naming the kind of problem, such as {@code extension-not-found}
     * @param title      a fixed summary of the kind of problem
     * @param detail     what was wrong in this case and what to do
     * @param properties extra JSON-compatible members, such as the offending field; may be empty
     */
    public HostProblem(int status, String type, String title, String detail,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Same as the full constructor, with no extra members. */
    public HostProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    /** @return the HTTP status that fits this problem */
    public int status() {
        return status;
    }

    /** @return the problem type slug */
    public String type() {
        return type;
    }

    /** @return the fixed summary of the kind of problem */
    public String title() {
        return title;
    }

    /** @return what was wrong in this case and what to do */
    public String detail() {
        return getMessage();
    }

    /** @return extra members of the problem document */
    public Map<String, Object> properties() {
        return properties;
    }
}
