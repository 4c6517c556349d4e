package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --index} and {@code --verbose}, shared by every command that uses an index. */
final class IndexOptions {
    @Option(names = "--index", paramLabel = "DIR",
            description = "Index folder (default: $ROOTLINE_INDEX, else ./rootline-index).")
    Path index;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    EventIndex open() {
        return EventIndex.lucene(directory());
    }

    Path directory() {
        if (index != null) {
            return index;
        }
        String env = System.getenv("ROOTLINE_INDEX");
        return Path.of(env != null && !env.isBlank() ? env : "rootline-index");
    }
}
