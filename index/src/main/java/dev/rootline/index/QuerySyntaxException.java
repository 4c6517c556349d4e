package dev.rootline.index;

/** A query the user must fix; the message says what is wrong, in one line. */
public final class QuerySyntaxException extends IndexException {
    private final int position;

    public QuerySyntaxException(String message, Throwable cause) {
        this(message, cause, -1);
    }

    /** @param position where in the query the problem was found (0-based), or -1 when unknown */
    public QuerySyntaxException(String message, Throwable cause, int position) {
        super(message, cause);
        this.position = position;
    }

    /** Where in the query the problem was found (0-based character index), or -1 when unknown. */
    public int position() {
        return position;
    }
}
