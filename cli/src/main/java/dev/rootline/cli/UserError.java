package dev.rootline.cli;

/** A problem the user must fix; printed as one line, exit code 1. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
