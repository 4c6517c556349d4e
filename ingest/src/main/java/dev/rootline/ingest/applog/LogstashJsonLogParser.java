package dev.rootline.ingest.applog;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;

import java.io.IOException;
import java.util.List;

/**
 * Spring Boot (Clouddriver) logs written by the logstash-logback encoder, one JSON object per line
 * ({@link LogstashJsonSyntax}). Events are the same as those of {@link SpringBootLogParser}: source
 * {@code clouddriver}, the stack trace inside the message, the account as {@code clouddriverAccount}.
 */
public final class LogstashJsonLogParser implements EventParser {
    static final int SCORE = 90;
    private static final int SNIFF_LINES = 50;

    @Override
    public String name() {
        return "logstash-json";
    }

    /** Sure when most of the first lines are JSON objects and one has logstash's own field names. */
    @Override
    public int sniff(InputFile file) {
        return looksLikeLogstash(file.headText()) ? SCORE : 0;
    }

    /** Whether most of the first lines are JSON objects and one has logstash's own field names. */
    static boolean looksLikeLogstash(String head) {
        List<String> lines = HeadShapes.nonBlankLines(head, SNIFF_LINES);
        int json = 0;
        boolean logstash = false;
        for (String line : lines) {
            if (line.stripLeading().startsWith("{")) {
                json++;
                logstash |= line.contains("\"@timestamp\"") && (line.contains("\"logger_name\"")
                        || line.contains("\"thread_name\"") || line.contains("\"level_value\""));
            }
        }
        return logstash && json * 2 >= lines.size();
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        LogEventFactory events = new LogEventFactory(Source.CLOUDDRIVER, ctx, ClouddriverAccounts::apply);
        new MultilineGrouper(new LogstashJsonSyntax(ctx.logZone())).run(file, ctx, events::emit);
    }
}
