package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * Index administration: {@code rootline index create} lays out a SolrCloud collection before the first ingest;
 * {@code rootline index check} verifies an embedded index and drops damaged segments.
 */
@Command(name = "index", description = "Manage an index.", subcommands = {IndexCommand.Create.class, IndexCheckCommand.class})
final class IndexCommand extends CommandGroup {
    @Command(name = "create", description = {
            "Create a SolrCloud collection with rootline's schema: uploads the configset, then creates the collection.",
            "ingest creates a missing collection by itself (shards = live nodes, 2 replicas when there are 2 nodes or more);",
            "create it first to choose another layout."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IndexOptions index;

        @Option(names = "--shards", paramLabel = "N", defaultValue = "1", description = "Shards (default: ${DEFAULT-VALUE}).")
        int shards;

        @Option(names = "--replicas", paramLabel = "R", defaultValue = "1",
                description = "Copies of each shard (default: ${DEFAULT-VALUE}); 2 or more survive the loss of a node.")
        int replicas;

        @Override
        public Integer call() {
            if (shards < 1 || replicas < 1) {
                throw new UserError("--shards and --replicas must be at least 1");
            }
            EventIndex idx = index.open();
            idx.create(shards, replicas);
            spec.commandLine().getOut().println("created " + idx.location() + " (" + shards + " shard"
                    + (shards == 1 ? "" : "s") + " × " + replicas + " replica" + (replicas == 1 ? "" : "s") + ")");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
