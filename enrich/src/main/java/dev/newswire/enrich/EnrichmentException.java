package dev.newswire.enrich;

/** A page the enrich stage cannot turn into an article; the reason becomes the dead letter's reason header. */
public class EnrichmentException extends Exception {

    private final String reason;

    public EnrichmentException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public EnrichmentException(String reason, String message) {
        this(reason, message, null);
    }

    /** Short machine-readable reason: http-error, too-large, undecodable-content. */
    public String reason() {
        return reason;
    }
}
