package dev.rootline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A command that only groups others ({@code rootline}, {@code index}, {@code solr}): run alone, it shows its usage. */
public abstract class CommandGroup implements Runnable {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }
}
