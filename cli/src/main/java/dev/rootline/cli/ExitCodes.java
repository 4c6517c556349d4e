package dev.rootline.cli;

/** The exit codes of the CLI contract. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something the user must fix: a bad query, an unreadable path, rejected records under --strict. */
    public static final int USER = 1;
    public static final int INTERNAL = 2;

    private ExitCodes() {
    }
}
