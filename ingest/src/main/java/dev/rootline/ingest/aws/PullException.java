package dev.rootline.ingest.aws;

/**
 * An AWS call failed in a way the user can fix (permissions, credentials, names, region, endpoint), or that
 * retries could not get past. The message is one line: which call, which resource, what to do. It never
 * holds credentials.
 */
public final class PullException extends RuntimeException {
    /** What went wrong, so a puller can tell a failure of one object from one that every call will meet. */
    enum Kind { DENIED, CREDENTIALS, REGION, NOT_FOUND, THROTTLED, SERVER, NETWORK, OTHER }

    private final Kind kind;

    public PullException(String message) {
        this(message, Kind.OTHER, null);
    }

    PullException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** True when every further call would fail the same way (permissions, credentials, region). */
    boolean affectsEveryCall() {
        return kind == Kind.DENIED || kind == Kind.CREDENTIALS || kind == Kind.REGION;
    }
}
