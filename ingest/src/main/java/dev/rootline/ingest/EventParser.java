package dev.rootline.ingest;

import java.io.IOException;

/**
 * One evidence format. Implementations are stateless and listed once, in {@link ParserRegistry}.
 *
 * <p>{@link #sniff} answers "is this mine?" from the first bytes of decoded content and never throws.
 * {@link #parse} streams the file, emits events and reports bad records to the context; it throws only
 * when the file cannot be read at all, or is cut off (a truncated gzip): events emitted before that stay.
 */
public interface EventParser {
    /** The name users pass to {@code --type}. */
    String name();

    /** Confidence from 0 (not this format) to 100 (certainly this format). */
    int sniff(InputFile file);

    void parse(InputFile file, ParseContext context) throws IOException;
}
