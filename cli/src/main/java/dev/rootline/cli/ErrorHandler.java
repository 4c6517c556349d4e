package dev.rootline.cli;

import dev.rootline.index.IndexException;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns every failure into one clear line on stderr and an exit code: 1 for what the user can fix, 2 for
 * internal errors. Stack traces only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose") || parsed.subcommands().stream()
                .anyMatch(s -> s.hasMatchedOption("--verbose"));
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        int code;
        String message;
        if (t instanceof UserError || t instanceof IndexException || t instanceof IllegalArgumentException) {
            code = ExitCodes.USER;
            message = t.getMessage();
        } else if (t instanceof NoSuchFileException) {
            code = ExitCodes.USER;
            message = "no such file or folder: " + t.getMessage();
        } else if (t instanceof AccessDeniedException) {
            code = ExitCodes.USER;
            message = "permission denied: " + t.getMessage();
        } else if (dev.rootline.index.IndexDamaged.isDamage(t)) {
            // damage that appeared after the index's files were checked at open (they are checked before any read)
            code = ExitCodes.USER;
            message = "the index is damaged (" + t.getMessage() + "): run 'rootline index check --repair' with the same"
                    + " --index to find and drop the damaged segment";
        } else if (dev.rootline.index.DiskFull.reason(t) != null) {
            // a full disk met outside the index (a report, an export): still the user's to fix, in one line
            code = ExitCodes.USER;
            message = "disk full (" + dev.rootline.index.DiskFull.reason(t) + "): free some space and run the same command again";
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + t + (verbose ? "" : " (run with --verbose for details)");
        }
        cl.getErr().println("rootline: " + message);
        if (verbose) {
            e.printStackTrace(cl.getErr());
        }
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("rootline: " + e.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.USER;
    }
}
