package dev.rootline.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
final class Cli {
    final int exit;
    final String out;
    final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        CommandLine cl = RootlineCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Cli(exit, out.toString(), err.toString());
    }

    long count() {
        return Long.parseLong(out.trim());
    }

    @Override
    public String toString() {
        return "exit=" + exit + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
