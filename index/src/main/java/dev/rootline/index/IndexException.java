package dev.rootline.index;

/** A problem with the index that the user can act on: in use, missing, or a bad query. */
public class IndexException extends RuntimeException {
    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
