package dev.rootline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command; every subcommand is listed here and only here. */
@Command(name = "rootline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Incident forensics and timelines for cloud and Kubernetes postmortems.",
        subcommands = {
                IngestCommand.class,
                SearchCommand.class,
                TimelineCommand.class,
                InvestigateCommand.class,
                AuditCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                GenerateCommand.class,
                BenchCommand.class,
                PullCommand.class,
                IndexCommand.class,
                VerifyCommand.class,
                SolrCommand.class,
                CommandLine.HelpCommand.class
        })
final class RootlineCommand extends CommandGroup {
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootlineCommand());
        // the batch module (Spark) is on the classpath only when ./rootline runs 'batch'
        cl.addSubcommand("batch", BatchUnavailableCommand.command());
        cl.setOut(new java.io.PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8)), false));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(java.time.Duration.class, new Converters.DurationConverter());
        cl.registerConverter(java.time.ZoneId.class, new Converters.ZoneConverter());
        standardHelp(cl);
        return cl;
    }

    /** {@code -h/--help} and {@code -V/--version} on every subcommand, not only on the top one. */
    private static void standardHelp(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().versionProvider(new Version());
                standardHelp(sub);
            }
        }
    }
}
