package dev.rootline.ingest.applog;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;

import java.io.IOException;

/**
 * The fallback for text logs no other parser claims (Hadoop, Zookeeper, Spark, syslog, Apache, anything):
 * lines are grouped under the last line that starts with a known timestamp ({@link GenericSyntax},
 * {@link TimestampLayout}).
 *
 * <p>Timestamps without a year (syslog, logcat) take the year of the file's last-modified time, or the
 * year before for dates that would lie after it, as syslog readers do; a warning per file says the times
 * rest on that guess. Moving or re-copying a file without keeping its time can shift such events by years.
 *
 * <p>The sniff is deliberately low so that every specific format wins, and zero for content that is
 * structured data rather than a log (binary, JSON, XML, CSV, YAML), which is then reported as unrecognised.
 */
public final class GenericLogParser implements EventParser {
    static final int SCORE = 25;

    @Override
    public String name() {
        return "log";
    }

    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        if (head.isBlank() || !HeadShapes.mostlyText(head) || HeadShapes.looksLikeJson(head)
                || HeadShapes.mostlyJsonLines(head) || HeadShapes.looksLikeMarkup(head)) {
            return 0;
        }
        if (GenericSyntax.startsWithTimestamp(HeadShapes.nonBlankLines(head, 1).get(0))) {
            return SCORE; // a timestamped line with commas in it is still a log line
        }
        return HeadShapes.looksLikeCsv(head) || HeadShapes.looksLikeYaml(head) ? 0 : SCORE;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        AssumedYear year = AssumedYear.ofFile(file.path(), ctx.logZone());
        GenericSyntax syntax = GenericSyntax.forHead(file.headText(), ctx.logZone(), year);
        LogEventFactory events = new LogEventFactory(Source.LOG, ctx, (text, builder) -> { });
        new MultilineGrouper(syntax).run(file, ctx, events::emit);
        if (year.used()) {
            ctx.warn(-1, -1, "timestamps without a year: assumed " + year.referenceYear()
                    + " (the year the file was last modified), or the year before for dates after that day");
        }
    }
}
