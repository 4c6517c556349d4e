package dev.rootline.report.listing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;
import dev.rootline.ingest.ResourceType;
import dev.rootline.timeline.findings.EventText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints search hits one by one: a table for people, JSON lines (one object per event, with {@code raw})
 * or CSV for scripts. Times are UTC unless a display zone is given; the zone is always printed.
 */
public final class EventListing implements Closeable {
    static final List<String> CSV_COLUMNS = List.of("id", "time", "source", "kind", "level", "eventName", "eventSource",
            "actor", "account", "region", "error", "target", "ip", "eni", "subnet", "vpc", "cluster", "summary",
            "file", "offset", "line");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutputFormat format;
    private final PrintWriter out;
    private final DateTimeFormatter time;
    private CSVPrinter csv;
    private boolean headerDone;

    public EventListing(OutputFormat format, PrintWriter out, ZoneId zone) {
        this.format = format;
        this.out = out;
        this.time = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS xxx").withZone(zone);
    }

    public void print(Event e) {
        try {
            switch (format) {
                case JSON -> json(e);
                case CSV -> csv(e);
                case TABLE -> table(e);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void table(Event e) {
        if (!headerDone) {
            out.printf("%-29s  %-11s  %-5s  %s%n", "TIME", "SOURCE", "LEVEL", "EVENT");
            headerDone = true;
        }
        out.printf("%-29s  %-11s  %-5s  %s%n", e.time() == null ? "-" : time.format(e.time()), e.source().id(),
                e.level() == null ? "" : e.level().name(), TerminalText.safe(EventText.summary(e)));
    }

    private void json(Event e) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        EventJson.write(e, g, true);
        g.flush();
        out.println();
    }

    private void csv(Event e) throws IOException {
        if (csv == null) {
            csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get());
        }
        List<Object> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(e.id());
        row.add(e.time() == null ? "" : e.time().toString());
        row.add(e.source().id());
        row.add(e.kind());
        row.add(e.level() == null ? "" : e.level().name());
        row.add(nz(e.eventName()));
        row.add(nz(e.eventSource()));
        row.add(nz(e.actor()));
        row.add(nz(e.account()));
        row.add(nz(e.region()));
        row.add(String.join(" ", e.errors()));
        row.add(String.join(" ", e.targets()));
        row.add(String.join(" ", e.ips()));
        row.add(String.join(" ", e.resources(ResourceType.ENI)));
        row.add(String.join(" ", e.resources(ResourceType.SUBNET)));
        row.add(String.join(" ", e.resources(ResourceType.VPC)));
        row.add(String.join(" ", e.resources(ResourceType.CLUSTER)));
        row.add(EventText.summary(e));
        row.add(e.provenance().path());
        row.add(e.provenance().offset());
        row.add(e.provenance().line());
        csv.printRecord(row);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
