package dev.rootline.ingest.applog;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.FailureSignatures;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;

import java.util.function.BiConsumer;

/**
 * Turns a grouped {@link LogEntry} into an {@link Event}: a stable id from the file's identity, the first
 * line's number and the text; failure signatures and IPs from the whole event text, stack trace included,
 * because the cause ({@code i/o timeout}) is often only in a {@code Caused by:} line.
 */
final class LogEventFactory {
    static final String KIND = "log";

    private final Source source;
    private final ParseContext ctx;
    private final String identity;
    private final BiConsumer<String, Event.Builder> enrich;

    /** @param enrich adds format-specific fields found in the message (the Clouddriver account) */
    LogEventFactory(Source source, ParseContext ctx, BiConsumer<String, Event.Builder> enrich) {
        this.source = source;
        this.ctx = ctx;
        this.identity = ctx.file().identity();
        this.enrich = enrich;
    }

    Event toEvent(LogEntry e) {
        Event.Builder b = Event.builder(source, KIND)
                .id("log-" + StableIds.hash(identity, String.valueOf(e.line()), e.raw()))
                .message(e.message())
                .raw(e.raw())
                .provenance(ctx.at(e.offset(), e.line()));
        LogHeader h = e.header();
        if (h != null) {
            b.time(h.time()).level(h.level()).logger(h.logger()).thread(h.thread())
                    .attribute("application", h.application());
        }
        String text = e.message();
        FailureSignatures.apply(text, b);
        b.ips(IpAddresses.findIpv4(text));
        enrich.accept(text, b);
        return b.build();
    }

    void emit(LogEntry e) {
        ctx.emit(toEvent(e));
    }
}
