package dev.rootline.cli;

/** The exit codes of the CLI contract. */
final class ExitCodes {
    static final int OK = 0;
    /** Something the user must fix: a bad query, an unreadable path, rejected records under --strict. */
    static final int USER = 1;
    static final int INTERNAL = 2;

    private ExitCodes() {
    }
}
