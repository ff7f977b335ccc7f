package dev.newswire.model;

/** A payload that cannot be read: invalid JSON, missing or wrongly typed fields, an unknown schema version. */
public class PayloadException extends RuntimeException {

    private final String reason;

    public PayloadException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public PayloadException(String reason, String message) {
        this(reason, message, null);
    }

    /** A short machine-readable reason: "invalid-json", "invalid-field", "unsupported-schema-version". */
    public String reason() {
        return reason;
    }
}
