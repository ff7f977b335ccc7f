package dev.newswire.search;

/** The store cannot answer now (database down, schema not migrated yet), with a message fit to show. */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
