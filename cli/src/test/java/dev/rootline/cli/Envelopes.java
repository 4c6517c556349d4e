package dev.rootline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Rewraps plain Spring Boot log files the ways logs leave an EKS cluster, as the runtimes and shippers write them:
 * CRI with partial lines, docker json-file with split lines, {@code kubectl logs --timestamps}, Fluent Bit records,
 * CloudWatch Logs exports (plain or Fluent Bit messages). Every physical line of the original is kept, in order;
 * a continuation line gets the time of the header above it, as a runtime would receive them.
 */
final class Envelopes {
    enum Form { CRI, DOCKER, KUBECTL, FLUENT_BIT, CLOUDWATCH, CLOUDWATCH_FLUENT_BIT }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADER = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** CRI and docker split lines longer than this, as runtimes split at 16 KiB. */
    static final int PIECE = 64;

    private Envelopes() {
    }

    /** Rewrites every {@code *.log*} file under {@code dir} (recursively) in place, as {@code form}. */
    static void rewrap(Path dir, Form form, String pod) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(".log")).toList();
        }
        for (Path f : files) {
            List<String> lines = read(f);
            String name = f.getFileName().toString().replace(".gz", "");
            Path out = f.resolveSibling(switch (form) {
                case FLUENT_BIT, CLOUDWATCH, CLOUDWATCH_FLUENT_BIT -> name + ".json";
                default -> name;
            });
            Files.delete(f);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                write(lines, form, pod, w);
            }
        }
    }

    static List<String> read(Path f) throws IOException {
        try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static void write(List<String> lines, Form form, String pod, PrintWriter w) throws IOException {
        Instant time = Instant.EPOCH;
        List<ObjectNode> page = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            if (HEADER.matcher(line).find()) {
                time = LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            String ts = NANOS.format(time.plusNanos(n % 1000)); // runtimes stamp each line in nanoseconds
            switch (form) {
                case CRI -> {
                    List<String> pieces = pieces(line);
                    for (int i = 0; i < pieces.size(); i++) {
                        w.println(ts + " stdout " + (i < pieces.size() - 1 ? "P " : "F ") + pieces.get(i));
                    }
                }
                case DOCKER -> {
                    List<String> pieces = pieces(line);
                    for (int i = 0; i < pieces.size(); i++) {
                        ObjectNode r = JSON.createObjectNode().put("log", pieces.get(i) + (i < pieces.size() - 1 ? "" : "\n"))
                                .put("stream", "stdout").put("time", ts);
                        w.println(JSON.writeValueAsString(r));
                    }
                }
                case KUBECTL -> w.println(ts + " " + line);
                case FLUENT_BIT -> w.println(JSON.writeValueAsString(fluentBit(line, time, pod)));
                case CLOUDWATCH, CLOUDWATCH_FLUENT_BIT -> {
                    String message = form == Form.CLOUDWATCH ? line : JSON.writeValueAsString(fluentBit(line, time, pod));
                    page.add(JSON.createObjectNode().put("logStreamName", "clouddriver/" + pod).put("timestamp", time.toEpochMilli())
                            .put("message", message).put("ingestionTime", time.toEpochMilli() + 800)
                            .put("eventId", String.format("%056d", (time.toEpochMilli() * 1000L + n) & Long.MAX_VALUE)));
                    if (page.size() == 500) {
                        flush(page, w);
                    }
                }
            }
            n++;
        }
        flush(page, w);
    }

    private static ObjectNode fluentBit(String line, Instant time, String pod) {
        ObjectNode r = JSON.createObjectNode().put("date", time.getEpochSecond() + time.getNano() / 1e9).put("log", line + "\n")
                .put("stream", "stdout");
        r.putObject("kubernetes").put("pod_name", pod).put("namespace_name", "spinnaker").put("container_name", "clouddriver")
                .put("host", "ip-10-50-12-34.ec2.internal");
        return r;
    }

    private static void flush(List<ObjectNode> page, PrintWriter w) throws IOException {
        if (page.isEmpty()) {
            return;
        }
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode events = doc.putArray("events");
        page.forEach(events::add);
        doc.putArray("searchedLogStreams");
        w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        page.clear();
    }

    private static List<String> pieces(String line) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < line.length(); i += PIECE) {
            out.add(line.substring(i, Math.min(line.length(), i + PIECE)));
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /** Writes {@code text} gzipped. */
    static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
