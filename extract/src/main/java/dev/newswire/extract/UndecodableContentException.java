package dev.newswire.extract;

/** The body cannot be read as HTML text at all (binary, empty, not markup). Such pages go to the dead-letter topic. */
public class UndecodableContentException extends Exception {
    public UndecodableContentException(String message) {
        super(message);
    }
}
