package dev.rootline.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.ingest.SourceRead;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.findings.SameRisk;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}, schema version 1 as DESIGN.md lays it out, streamed with Jackson. Fields beyond the
 * schema are only ever added: {@code rate} and {@code sampleIds} on bursts, {@code association} on hypotheses,
 * {@code where}, {@code query} and {@code raw} on evidence, {@code targetHost} on path checks, {@code mechanism}
 * ({@code confirmed}, {@code unverified}, {@code contradicted}), {@code identity} and {@code facts} on hypotheses,
 * and top-level {@code pathChecks}, {@code caveats}, {@code nextSteps} ({@code reason}, {@code command}),
 * {@code coverage} ({@code accounts}, {@code regions}, {@code gaps}) and {@code changes}; {@code activitiesBefore} on
 * bursts (the engineering activities that began within the hour before its first failure) and top-level
 * {@code activities} (every one read, from an hour before the window to its end), each {@code id}, {@code time},
 * {@code end}, {@code title}, {@code kind}, {@code actor}, {@code link} (as recorded: untrusted). Times are
 * ISO-8601 UTC ending in {@code Z}; an absent value is {@code null}.
 */
final class JsonReport {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonReport() {
    }

    static void write(Findings f, OutputStream out) throws IOException {
        write(f, null, out);
    }

    static void write(Findings f, ReportEvidence evidence, OutputStream out) throws IOException {
        write(f, evidence, java.util.List.of(), out);
    }

    static void write(Findings f, ReportEvidence evidence, java.util.List<AnalystNote> notes, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", Findings.SCHEMA_VERSION);
            g.writeObjectFieldStart("window");
            time(g, "from", f.from());
            time(g, "to", f.to());
            g.writeEndObject();
            g.writeObjectFieldStart("sources");
            for (var e : f.sources().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("bursts");
            for (Burst b : f.bursts()) {
                burst(g, b, f.activitiesBefore(b));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("eniEvents");
            for (EniEvent e : f.eniEvents()) {
                eniEvent(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("hypotheses");
            for (Hypothesis h : f.hypotheses()) {
                hypothesis(g, h, f.evidence());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pathChecks");
            for (PathCheck p : f.pathChecks()) {
                pathCheck(g, p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sameRisk");
            for (SameRisk r : f.sameRisks()) {
                g.writeStartObject();
                g.writeNumberField("hypothesis", r.hypothesis());
                g.writeStringField("cluster", r.cluster());
                g.writeStringField("subnetId", r.subnetId());
                g.writeStringField("routeTableId", r.routeTableId());
                g.writeStringField("missingRouteTo", r.missingRouteTo());
                strings(g, "enisNow", r.enisNow());
                g.writeStringField("fix", r.fix());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("caveats");
            for (String c : f.caveats()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nextSteps");
            for (var n : f.nextSteps()) {
                g.writeStartObject();
                g.writeStringField("reason", n.reason());
                g.writeStringField("command", n.command());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("coverage");
            strings(g, "accounts", f.coverage().accounts());
            strings(g, "regions", f.coverage().regions());
            strings(g, "gaps", f.coverage().gaps());
            g.writeEndObject();
            strings(g, "changes", f.changes());
            activities(g, "activities", f.activities());
            if (!notes.isEmpty()) {
                notes(g, notes);
            }
            if (evidence != null) {
                evidence(g, evidence);
            }
            g.writeEndObject();
        }
    }

    /** The starred events, with the analysts' tags and comments. */
    private static void notes(JsonGenerator g, java.util.List<AnalystNote> notes) throws IOException {
        g.writeArrayFieldStart("analystNotes");
        for (AnalystNote n : notes) {
            g.writeStartObject();
            g.writeStringField("eventId", n.eventId());
            g.writeStringField("time", n.time() == null ? null : n.time().toString());
            g.writeStringField("source", n.source());
            g.writeStringField("text", n.text());
            g.writeStringField("where", n.where());
            strings(g, "tags", n.tags());
            g.writeStringField("comment", n.comment());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The evidence manifest: every source when it is short, else its digest and the file beside the report. */
    private static void evidence(JsonGenerator g, ReportEvidence e) throws IOException {
        g.writeObjectFieldStart("evidence");
        g.writeNumberField("sourceCount", e.sources().size());
        g.writeNumberField("bytes", e.bytes());
        g.writeNumberField("events", e.events());
        g.writeNumberField("rejects", e.rejects());
        g.writeStringField("manifestSha256", e.digest());
        g.writeStringField("manifestFile", e.listedWhole() ? null : ReportEvidence.FILE);
        if (e.listedWhole()) {
            g.writeArrayFieldStart("sources");
            for (SourceRead s : e.sources()) {
                g.writeStartObject();
                g.writeStringField("origin", s.origin());
                g.writeNumberField("size", s.size());
                g.writeStringField("sha256", s.sha256());
                g.writeStringField("readAt", s.readAt().toString());
                g.writeStringField("format", s.format());
                g.writeNumberField("events", s.events());
                g.writeNumberField("rejects", s.rejects());
                if (s.note() != null) {
                    g.writeStringField("note", s.note());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** @param activities the activities that began within the hour before it ({@link Findings#activitiesBefore}) */
    static void burst(JsonGenerator g, Burst b, List<Activity> activities) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeStringField("signature", b.signature());
        g.writeStringField("target", b.target());
        time(g, "start", b.start());
        time(g, "end", b.end());
        g.writeNumberField("count", b.count());
        strings(g, "clients", b.clients());
        g.writeNumberField("rate", b.ratePerMinute());
        strings(g, "sampleIds", b.sampleIds());
        activities(g, "activitiesBefore", activities);
        g.writeEndObject();
    }

    private static void activities(JsonGenerator g, String field, List<Activity> activities) throws IOException {
        g.writeArrayFieldStart(field);
        for (Activity a : activities) {
            g.writeStartObject();
            g.writeStringField("id", a.id());
            time(g, "time", a.time());
            time(g, "end", a.end());
            g.writeStringField("title", a.title());
            g.writeStringField("kind", a.kind());
            g.writeStringField("actor", a.actor());
            g.writeStringField("link", a.link());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void eniEvent(JsonGenerator g, EniEvent e) throws IOException {
        g.writeStartObject();
        time(g, "time", e.time());
        g.writeStringField("action", e.action());
        g.writeStringField("eniId", e.eniId());
        g.writeStringField("cluster", e.cluster());
        g.writeStringField("subnetId", e.subnetId());
        g.writeStringField("subnetClass", ReportText.subnetClass(e.subnetClass()));
        g.writeStringField("privateIp", e.privateIp());
        g.writeStringField("eventId", e.eventId());
        g.writeEndObject();
    }

    static void hypothesis(JsonGenerator g, Hypothesis h, Map<String, EvidenceEvent> evidence) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rank", h.rank());
        g.writeStringField("kind", h.kind().name());
        g.writeNumberField("score", h.score());
        g.writeStringField("title", h.title());
        g.writeStringField("summary", h.summary());
        g.writeObjectFieldStart("resources");
        for (var e : h.resources().entrySet()) {
            g.writeFieldName(e.getKey());
            value(g, e.getValue());
        }
        g.writeEndObject();
        strings(g, "bursts", h.bursts());
        association(g, h.association());
        if (h.mechanism() != null) {
            g.writeStringField("mechanism", h.mechanism().id());
        }
        g.writeStringField("identity", h.identity());
        strings(g, "facts", h.facts());
        events(g, "evidence", h.evidence(), evidence);
        events(g, "counterEvidence", h.counterEvidence(), evidence);
        g.writeEndObject();
    }

    private static void association(JsonGenerator g, Association a) throws IOException {
        if (a == null) {
            return;
        }
        g.writeObjectFieldStart("association");
        g.writeStringField("method", a.method());
        number(g, "pValue", a.pValue());
        number(g, "beforeRate", a.beforeRate());
        number(g, "afterRate", a.afterRate());
        g.writeEndObject();
    }

    private static void events(JsonGenerator g, String field, List<String> ids, Map<String, EvidenceEvent> evidence)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (String id : ids) {
            EvidenceEvent e = evidence.get(id);
            g.writeStartObject();
            g.writeStringField("eventId", id);
            time(g, "time", e == null ? null : e.time());
            g.writeStringField("source", e == null ? null : e.source());
            g.writeStringField("text", e == null ? "" : e.text());
            if (e != null) {
                g.writeStringField("where", e.where());
                g.writeStringField("query", e.query());
                g.writeStringField("raw", e.raw());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void pathCheck(JsonGenerator g, PathCheck p) throws IOException {
        g.writeStartObject();
        g.writeStringField("burstId", p.burstId());
        time(g, "at", p.at());
        g.writeStringField("targetIp", p.targetIp());
        if (p.targetHost() != null) {
            g.writeStringField("targetHost", p.targetHost()); // the failures named this host, not the IP
        }
        g.writeStringField("clientCidr", p.clientCidr());
        g.writeStringField("verdict", p.verdict());
        g.writeArrayFieldStart("hops");
        for (PathCheck.Hop hop : p.hops()) {
            g.writeStartObject();
            g.writeStringField("step", hop.step());
            g.writeStringField("resourceId", hop.resourceId());
            g.writeFieldName("ok");
            if (hop.ok() == null) {
                g.writeNull();
            } else {
                g.writeBoolean(hop.ok());
            }
            g.writeStringField("detail", hop.detail());
            g.writeStringField("eventId", hop.eventId());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case Collection<?> c -> {
                g.writeStartArray();
                for (Object o : c) {
                    value(g, o);
                }
                g.writeEndArray();
            }
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> number(g, d);
            default -> g.writeString(String.valueOf(v));
        }
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    static void time(JsonGenerator g, String field, Instant t) throws IOException {
        g.writeStringField(field, t == null ? null : t.toString());
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        number(g, v);
    }

    /** JSON has no NaN or infinity. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }
}
