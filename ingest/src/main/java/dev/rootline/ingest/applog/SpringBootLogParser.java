package dev.rootline.ingest.applog;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;

import java.io.IOException;
import java.time.ZoneOffset;

/**
 * Clouddriver and other Spring Boot text logs ({@link SpringBootSyntax}): a header line plus the stack
 * trace and other lines under it make one event, with the Clouddriver account as attribute
 * {@code clouddriverAccount}.
 */
public final class SpringBootLogParser implements EventParser {
    static final int HEADER_SCORE = 90;
    static final int TRACE_SCORE = 60;

    @Override
    public String name() {
        return "clouddriver";
    }

    /** Sure when the head holds a Spring Boot header; fairly sure for a bare Java stack trace (a pasted excerpt). */
    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        if (head.isBlank() || HeadShapes.looksLikeJson(head) || !HeadShapes.mostlyText(head)) {
            return 0;
        }
        SpringBootSyntax syntax = SpringBootSyntax.forHead(head, ZoneOffset.UTC);
        if (head.contains("--- ") && syntax.anyHeader(head)) {
            return HEADER_SCORE;
        }
        return HeadShapes.looksLikeJavaTrace(head, syntax::body) ? TRACE_SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        SpringBootSyntax syntax = SpringBootSyntax.forHead(file.headText(), ctx.logZone());
        LogEventFactory events = new LogEventFactory(Source.CLOUDDRIVER, ctx, ClouddriverAccounts::apply);
        new MultilineGrouper(syntax).run(file, ctx, events::emit);
    }
}
