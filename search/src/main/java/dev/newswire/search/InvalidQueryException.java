package dev.newswire.search;

/** A query parameter that cannot be used, with a message fit to show whoever sent it (no SQL, no stack trace). */
public final class InvalidQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
