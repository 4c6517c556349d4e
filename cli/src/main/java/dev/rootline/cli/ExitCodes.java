package dev.rootline.cli;

/** The exit codes of the CLI contract. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something the user must fix: a bad query, an unreadable path, rejected records under --strict. */
    public static final int USER = 1;
    public static final int INTERNAL = 2;
    /** {@code audit} found latent risks: a CI pipeline fails on it as on a failing test. */
    public static final int AUDIT_RISKS = 3;
    /** Stopped by Ctrl-C or SIGTERM after committing what was done, as shells report a SIGINT (128 + 2). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
