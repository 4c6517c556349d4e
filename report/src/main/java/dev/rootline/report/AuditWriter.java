package dev.rootline.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.timeline.audit.Audit;
import dev.rootline.timeline.audit.ClusterAudit;
import dev.rootline.timeline.audit.LatentRisk;
import dev.rootline.timeline.audit.SubnetAudit;
import dev.rootline.timeline.findings.PathCheck;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes an {@link Audit}: {@code audit.json} (schema version 1: {@code at}, {@code clientNetworks},
 * {@code clientNetworksInferred}, {@code port}, {@code clusters[]} with {@code subnets[]} and each subnet's
 * {@code hops}, {@code risks[]}), and for people {@code audit.html} and {@code audit.md}: the risks with their
 * fixes, then each cluster's subnets. Every name in an audit comes from evidence and is escaped as in the reports.
 */
public final class AuditWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private AuditWriter() {
    }

    /** @param formats any of HTML, JSON and MD; PDF is not an audit format */
    public static List<Path> write(Audit a, Path dir, Set<ReportFormat> formats) throws IOException {
        if (formats.contains(ReportFormat.PDF)) {
            throw new IllegalArgumentException("an audit is written as html, json or md, not pdf");
        }
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        if (formats.contains(ReportFormat.JSON)) {
            Path json = dir.resolve("audit.json");
            try (OutputStream o = Files.newOutputStream(json)) {
                json(a, o);
            }
            out.add(json);
        }
        if (formats.contains(ReportFormat.HTML)) {
            out.add(text(dir.resolve("audit.html"), AuditHtml.page(a)));
        }
        if (formats.contains(ReportFormat.MD)) {
            out.add(text(dir.resolve("audit.md"), AuditMarkdown.page(a)));
        }
        return out;
    }

    private static Path text(Path file, String content) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(content);
        }
        return file;
    }

    static void json(Audit a, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", Audit.SCHEMA_VERSION);
            JsonReport.time(g, "at", a.at());
            JsonReport.strings(g, "clientNetworks", a.clientNetworks());
            g.writeBooleanField("clientNetworksInferred", a.inferred());
            g.writeNumberField("port", a.port());
            g.writeArrayFieldStart("clusters");
            for (ClusterAudit c : a.clusters()) {
                g.writeStartObject();
                g.writeStringField("cluster", c.cluster());
                g.writeStringField("vpc", c.vpc());
                JsonReport.strings(g, "clientNetworks", c.clientNetworks());
                JsonReport.strings(g, "securityGroups", c.securityGroups());
                g.writeArrayFieldStart("subnets");
                for (SubnetAudit s : c.subnets()) {
                    subnet(g, s);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("risks");
            for (LatentRisk r : a.risks()) {
                g.writeStartObject();
                g.writeStringField("kind", r.kind().name());
                g.writeStringField("cluster", r.cluster());
                g.writeStringField("subnetId", r.subnetId());
                g.writeStringField("routeTableId", r.routeTableId());
                g.writeStringField("missingRouteTo", r.missingRouteTo());
                g.writeStringField("clientNetwork", r.clientNetwork());
                g.writeStringField("blockingResource", r.blockingResource());
                JsonReport.strings(g, "enisNow", r.enisNow());
                g.writeStringField("fix", r.fix());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void subnet(JsonGenerator g, SubnetAudit s) throws IOException {
        g.writeStartObject();
        g.writeStringField("subnetId", s.subnetId());
        g.writeStringField("class", s.subnetClass());
        g.writeStringField("routeTableId", s.routeTableId());
        g.writeFieldName("reachable");
        if (s.reachable() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(s.reachable());
        }
        g.writeStringField("blockedAt", s.blockedAt());
        g.writeStringField("missingRouteTo", s.missingRouteTo());
        g.writeArrayFieldStart("hops");
        for (PathCheck.Hop h : s.check().hops()) {
            g.writeStartObject();
            g.writeStringField("step", h.step());
            g.writeStringField("resourceId", h.resourceId());
            g.writeFieldName("ok");
            if (h.ok() == null) {
                g.writeNull();
            } else {
                g.writeBoolean(h.ok());
            }
            g.writeStringField("detail", h.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The hop that decided the subnet's verdict: the blocking one, else the first that could not be told. */
    static String verdictDetail(SubnetAudit s) {
        return s.check().hops().stream().filter(h -> Boolean.FALSE.equals(h.ok())).findFirst()
                .or(() -> s.check().hops().stream().filter(h -> h.ok() == null && !"eni".equals(h.step()) && !"subnet".equals(h.step()))
                        .findFirst())
                .map(PathCheck.Hop::detail).orElse("");
    }

    static String reachable(SubnetAudit s) {
        return s.reachable() == null ? "unknown" : s.reachable() ? "yes" : "no";
    }
}
