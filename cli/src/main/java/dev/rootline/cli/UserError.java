package dev.rootline.cli;

/** A problem the user must fix; printed as one line, exit code 1. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
