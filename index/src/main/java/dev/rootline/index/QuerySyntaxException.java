package dev.rootline.index;

/** A query the user must fix; the message says what is wrong, in one line. */
public final class QuerySyntaxException extends IndexException {
    public QuerySyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
