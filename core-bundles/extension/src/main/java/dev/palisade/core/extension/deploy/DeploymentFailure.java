package dev.palisade.core.extension.deploy;

/**
 * A step after the checks failed (install, resolve, start, entry class, constructor). Carries the
 * reason code and a detail naming what failed and what to do; the pipeline turns it into a FAILED
 * record.
 */
public final class DeploymentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code   a {@link Reasons} code
     * @param detail what failed and what to do
     * @param cause  the underlying exception, or {@code null}
     */
    public DeploymentFailure(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    /** @return the reason code */
    public String code() {
        return code;
    }

    /** @return {@code [code] detail} */
    public String reason() {
        return Reasons.of(code, getMessage());
    }
}
