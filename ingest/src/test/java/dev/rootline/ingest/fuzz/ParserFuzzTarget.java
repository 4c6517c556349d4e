package dev.rootline.ingest.fuzz;

import dev.rootline.ingest.EventParser;

import java.io.IOException;

/** One parser on hostile bytes, as {@code --type <name>} reads a file: the sniff, then the parse whatever it said. */
abstract class ParserFuzzTarget extends FuzzTarget {
    final EventParser parser;

    /**
     * @param name        the parser's name in the registry
     * @param seedFolders as {@link FuzzSeeds#of} takes them
     */
    ParserFuzzTarget(String name, String... seedFolders) {
        super(seedFolders);
        this.parser = FuzzContract.parser(name);
    }

    @Override
    void run(byte[] input) throws IOException {
        FuzzContract.parse(parser, FuzzContract.scratch("evidence", input));
    }
}
