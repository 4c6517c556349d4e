package dev.rootline.cli;

import picocli.CommandLine;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point: {@code rootline <command> …}. */
public final class Main {
    /** Held so the setting sticks: Lucene's notes about optional JVM modules are noise for users. */
    private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(Level.SEVERE);
        CommandLine cl = RootlineCommand.commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }
}
