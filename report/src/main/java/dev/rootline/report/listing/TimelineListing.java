package dev.rootline.report.listing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.timeline.merged.Timeline;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a merged timeline: one row per bucket with the total and a column per source; in the table, a run of
 * empty buckets is one line.
 */
public final class TimelineListing {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Empty buckets in a row that the table folds into one line (csv and json keep every bucket). */
    static final int MIN_EMPTY_RUN = 3;

    private TimelineListing() {
    }

    public static void print(Timeline t, OutputFormat format, PrintWriter out, ZoneId zone) {
        try {
            switch (format) {
                case TABLE -> table(t, out, zone);
                case CSV -> csv(t, out);
                case JSON -> json(t, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static void table(Timeline t, PrintWriter out, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx").withZone(zone);
        List<String> sources = t.sources();
        long max = t.buckets().stream().mapToLong(Timeline.Bucket::total).max().orElse(0);
        StringBuilder head = new StringBuilder(String.format("%-22s %9s", "BUCKET (" + t.bucket() + ")", "TOTAL"));
        sources.forEach(s -> head.append(String.format(" %11s", s)));
        out.println(head.append("  ").toString().stripTrailing());
        List<Timeline.Bucket> buckets = t.buckets();
        for (int i = 0; i < buckets.size(); i++) {
            Timeline.Bucket b = buckets.get(i);
            int empty = 0;
            while (i + empty < buckets.size() && buckets.get(i + empty).total() == 0) {
                empty++;
            }
            if (empty >= MIN_EMPTY_RUN) {
                // snapshots taken long after an incident stretch the span: say how long nothing happened, in one line
                Timeline.Bucket last = buckets.get(i + empty - 1);
                out.printf("%-22s %9s  (%,d empty buckets, to %s)%n", f.format(b.start()), "…", empty,
                        f.format(last.start().plus(t.bucket())));
                i += empty - 1;
                continue;
            }
            StringBuilder row = new StringBuilder(String.format("%-22s %9d", f.format(b.start()), b.total()));
            sources.forEach(s -> row.append(String.format(" %11d", b.count(s))));
            int bar = max == 0 ? 0 : (int) Math.ceil(30.0 * b.total() / max);
            out.println(row.append("  ").append("#".repeat(bar)).toString().stripTrailing());
        }
        if (t.untimed() > 0) {
            out.println(t.untimed() + " matching events carry no time and are not shown");
        }
    }

    private static void csv(Timeline t, PrintWriter out) throws IOException {
        List<String> header = new ArrayList<>(List.of("bucketStart", "total"));
        header.addAll(t.sources());
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        for (Timeline.Bucket b : t.buckets()) {
            List<Object> row = new ArrayList<>();
            row.add(b.start().toString());
            row.add(b.total());
            t.sources().forEach(s -> row.add(b.count(s)));
            p.printRecord(row);
        }
        p.flush();
    }

    private static void json(Timeline t, PrintWriter out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.writeStartObject();
        g.writeStringField("from", t.from() == null ? null : t.from().toString());
        g.writeStringField("to", t.to() == null ? null : t.to().toString());
        g.writeStringField("bucket", t.bucket().toString());
        g.writeObjectFieldStart("totals");
        for (var e : t.totals().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("untimed", t.untimed());
        g.writeArrayFieldStart("buckets");
        for (Timeline.Bucket b : t.buckets()) {
            g.writeStartObject();
            g.writeStringField("start", b.start().toString());
            g.writeNumberField("total", b.total());
            g.writeObjectFieldStart("sources");
            for (var e : b.bySource().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.println();
    }
}
