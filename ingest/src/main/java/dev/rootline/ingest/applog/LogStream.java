package dev.rootline.ingest.applog;

import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One stream of log lines handed over by an envelope (a container runtime's file, a shipper's records, a log
 * service's export), grouped into events exactly as the same lines in a plain file would be: a Spring Boot
 * stream gives {@code clouddriver} events with their stack traces joined, a stream with timestamps of
 * another kind gives {@code log} events, and a stream without any gives one event per line, dated by the
 * envelope.
 *
 * <p>The format is decided from the stream's own first lines (one Fluent Bit file may interleave a Java
 * service and an nginx), which are held until then: at most {@link #HEAD_LINES} lines or
 * {@link #HEAD_CHARS} characters per stream.
 *
 * <p>Times: a header time with a zone wins. Spring Boot writes none; unless the user set {@code --log-timezone},
 * the stream's offset is then derived from the envelope, which dates every line as an instant: the difference
 * between the first header time (read as UTC) and the envelope's time, rounded to a quarter hour. When the two
 * disagree by more than {@link #DRIFT} beyond such an offset (an envelope that records when a shipper read the
 * line, not when it was written), the header times are kept as UTC and a warning says so.
 */
public final class LogStream {
    static final int HEAD_LINES = 200;
    static final int HEAD_CHARS = 64 * 1024;
    static final Duration DRIFT = Duration.ofMinutes(5);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration WIDEST_OFFSET = Duration.ofHours(14);

    /**
     * Who wrote the stream.
     *
     * @param identity    stable across re-reads of the same stream (file identity plus pod, container, stream name)
     * @param recordScope what a log service's record id is unique within (the stream's names, not the file: a
     *                    re-pulled export with a late event in it is another file holding the same records)
     * @param attributes  envelope metadata every event of the stream carries ({@code pod}, {@code container}…)
     */
    public record Origin(String identity, String recordScope, Map<String, String> attributes) {
        public Origin {
            attributes = Map.copyOf(attributes);
        }
    }

    private record Held(String text, long number, long offset, LogEntry.Origin origin) {
    }

    private final ParseContext ctx;
    private final Origin origin;
    private List<Held> head = new ArrayList<>();
    private int headChars;
    private MultilineGrouper.Session session;
    private LogEventFactory events;

    public LogStream(ParseContext ctx, Origin origin) {
        this.ctx = ctx;
        this.origin = origin;
    }

    /**
     * The next line of the stream, partial pieces already joined.
     *
     * @param time     when the envelope says the line was received, or null
     * @param timeText the same as text (RFC 3339, parsed only if needed), when {@code time} is null; or null
     * @param recordId the log service's id for the line (a CloudWatch eventId), or null
     */
    public void line(String text, long number, long offset, Instant time, String timeText, String recordId) {
        LogEntry.Origin o = time == null && timeText == null && recordId == null ? null
                : new LogEntry.Origin(time, timeText, recordId);
        if (session != null) {
            session.line(text, number, offset, o);
            return;
        }
        head.add(new Held(text, number, offset, o));
        headChars += text.length();
        if (head.size() >= HEAD_LINES || headChars >= HEAD_CHARS) {
            decide();
        }
    }

    /** The stream ended: its last event is emitted. */
    public void end() {
        if (session == null) {
            if (head.isEmpty()) {
                return;
            }
            decide();
        }
        session.end();
    }

    private void decide() {
        List<String> lines = new ArrayList<>(head.size());
        head.forEach(h -> lines.add(h.text()));
        String text = String.join("\n", lines);
        ZoneId zone = ctx.logZoneGiven() ? ctx.logZone() : ZoneOffset.UTC;
        Choice c = choose(text, zone);
        Duration shift = ctx.logZoneGiven() ? Duration.ZERO : shift(c, zone);
        events = new LogEventFactory(c.source(), ctx, c.enrich(), origin.identity(), origin.recordScope(), origin.attributes(), shift);
        session = new MultilineGrouper(c.syntax()).new Session(ctx, events::emit);
        List<Held> held = head;
        head = null;
        held.forEach(h -> session.line(h.text(), h.number(), h.offset(), h.origin()));
    }

    private record Choice(Source source, LineSyntax syntax, LineSyntax probe, BiConsumer<String, dev.rootline.ingest.Event.Builder> enrich) {
    }

    /** The inner format, as the plain-file parsers would sniff it; {@code probe} reads the same lines one hour east. */
    private Choice choose(String text, ZoneId zone) {
        ZoneId east = ZoneOffset.ofHours(1);
        SpringBootSyntax spring = SpringBootSyntax.forHead(text, zone);
        if (text.contains("--- ") && spring.anyHeader(text) || HeadShapes.looksLikeJavaTrace(text, spring::body)) {
            return new Choice(Source.CLOUDDRIVER, spring, SpringBootSyntax.forHead(text, east), ClouddriverAccounts::apply);
        }
        if (LogstashJsonLogParser.looksLikeLogstash(text)) {
            return new Choice(Source.CLOUDDRIVER, new LogstashJsonSyntax(zone), new LogstashJsonSyntax(east), ClouddriverAccounts::apply);
        }
        AssumedYear year = AssumedYear.ofFile(ctx.file().path(), zone);
        GenericSyntax generic = GenericSyntax.forHead(text, zone, year);
        for (Held h : head) {
            if (generic.header(h.text(), generic.body(h.text())) != null) {
                return new Choice(Source.LOG, generic, GenericSyntax.forHead(text, east, year), (t, b) -> { });
            }
        }
        return new Choice(Source.LOG, EachLine.INSTANCE, null, (t, b) -> { });
    }

    /**
     * How far to move header times read as UTC: zero when they carry their own zone (reading them one hour east
     * changes nothing) or no envelope time says otherwise; else the envelope's offset, rounded.
     */
    private Duration shift(Choice c, ZoneId zone) {
        if (c.probe() == null) {
            return Duration.ZERO;
        }
        for (Held h : head) {
            Instant received = h.origin() == null ? null : h.origin().instant();
            if (received == null) {
                continue;
            }
            LogHeader header = c.syntax().header(h.text(), c.syntax().body(h.text()));
            if (header == null || header.time() == null) {
                continue;
            }
            LogHeader east = c.probe().header(h.text(), c.probe().body(h.text()));
            if (east == null || header.time().equals(east.time())) {
                return Duration.ZERO; // the header says its own zone
            }
            Duration gap = Duration.between(header.time(), received);
            long quarters = Math.round(gap.toSeconds() / (double) QUARTER.toSeconds());
            Duration offset = QUARTER.multipliedBy(quarters);
            if (gap.minus(offset).abs().compareTo(DRIFT) > 0 || offset.abs().compareTo(WIDEST_OFFSET) > 0) {
                ctx.warn(h.offset(), h.number(), "log times without a zone disagree with the envelope's times by " + gap
                        + ", not a whole zone offset; kept them as UTC (pass --log-timezone to say the zone)");
                return Duration.ZERO;
            }
            if (!offset.isZero()) {
                ZoneOffset written = ZoneOffset.ofTotalSeconds((int) -offset.toSeconds());
                ctx.warn(h.offset(), h.number(), "log times without a zone read in UTC" + written.getId()
                        + ", as the envelope's own times show; pass --log-timezone to say otherwise");
            }
            return offset;
        }
        return Duration.ZERO;
    }

    /** Lines with no timestamp of their own: each is an event, dated by its envelope. */
    private enum EachLine implements LineSyntax {
        INSTANCE;

        @Override
        public LogHeader header(String line, String body) {
            return LogHeader.of(null, null, body);
        }
    }
}
