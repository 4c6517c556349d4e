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
    private final String recordScope;
    private final BiConsumer<String, Event.Builder> enrich;
    private final java.util.Map<String, String> attributes;
    private final java.time.Duration shift;

    /** @param enrich adds format-specific fields found in the message (the Clouddriver account) */
    LogEventFactory(Source source, ParseContext ctx, BiConsumer<String, Event.Builder> enrich) {
        this(source, ctx, enrich, ctx.file().identity(), "", java.util.Map.of(), java.time.Duration.ZERO);
    }

    /**
     * For one stream of an envelope: its own identity (a file may interleave many pods' streams), the
     * envelope's metadata as attributes, and the shift that turns zone-less header times into instants.
     */
    LogEventFactory(Source source, ParseContext ctx, BiConsumer<String, Event.Builder> enrich, String identity,
                    String recordScope, java.util.Map<String, String> attributes, java.time.Duration shift) {
        this.source = source;
        this.ctx = ctx;
        this.identity = identity;
        this.recordScope = recordScope;
        this.enrich = enrich;
        this.attributes = java.util.Map.copyOf(attributes);
        this.shift = shift;
    }

    Event toEvent(LogEntry e) {
        // a log service's own record id survives a re-pull that inserts a late event; a line number would not
        String recordId = e.origin() == null ? null : e.origin().recordId();
        Event.Builder b = Event.builder(source, KIND)
                .id("log-" + (recordId != null ? StableIds.hash(recordScope, recordId)
                        : StableIds.hash(identity, e.line() > 0 ? String.valueOf(e.line()) : "@" + e.offset(), e.raw())))
                .message(e.message())
                .raw(e.raw())
                .provenance(ctx.at(e.offset(), e.line()));
        attributes.forEach(b::attribute);
        LogHeader h = e.header();
        if (h != null) {
            b.time(h.time() == null ? null : h.time().plus(shift)).level(h.level()).logger(h.logger()).thread(h.thread())
                    .attribute("application", h.application());
        }
        if (b.time() == null && e.origin() != null) {
            b.time(e.origin().instant()); // no time of its own: when the runtime received it
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
