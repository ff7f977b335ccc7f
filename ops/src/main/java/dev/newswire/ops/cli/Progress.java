package dev.newswire.ops.cli;

import java.io.PrintWriter;

/** Progress lines on stderr for long commands, at most one every few seconds, so stdout stays clean for pipes. */
public final class Progress {

    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final String command;
    private long last = System.nanoTime();

    public Progress(PrintWriter err, String command) {
        this.err = err;
        this.command = command;
    }

    /** Prints {@code message} if the last progress line is a few seconds old; says whether it did. */
    public boolean maybe(String message) {
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS) {
            last = now;
            now(message);
            return true;
        }
        return false;
    }

    /** Prints {@code message} now. */
    public void now(String message) {
        err.println(command + ": " + message);
        err.flush();
    }
}
