package dev.rootline.ingest.k8s;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kubernetes events as kubectl and the API server write them: {@code kubectl get events -o json} lists,
 * single events, core/v1 and events.k8s.io/v1(beta1) shapes, watch events and JSON lines of any of these.
 *
 * <p>{@code kubectl get events} tables are recognised but every row is rejected: they carry only relative
 * ages ("44m"), which cannot be placed on a timeline without knowing when the command ran.
 */
public final class KubernetesEventsParser implements EventParser {
    static final String TABLE_REJECT = "kubectl table output has only relative ages; export with -o json";

    private static final JsonRecordReader READER = new JsonRecordReader(Set.of("items"));
    private static final Pattern EVENT_LIST = Pattern.compile("\"kind\"\\s*:\\s*\"EventList\"");
    private static final Pattern WATCH_START = Pattern.compile(
            "^\\{\\s*\"(?:type\"\\s*:\\s*\"[A-Za-z]+\"\\s*,\\s*\"object|object)\"\\s*:\\s*\\{");

    @Override
    public String name() {
        return "k8s-events";
    }

    @Override
    public int sniff(InputFile file) {
        String head = stripBom(file.headText());
        String start = head.stripLeading();
        if (start.isEmpty()) {
            return 0;
        }
        if (isTableHeader(firstLine(start))) {
            return 80;
        }
        if (start.charAt(0) != '{' && start.charAt(0) != '[') {
            return 0;
        }
        // audit events are kind "Event" too, and mention reasons; they are not cluster events
        if (head.contains("audit.k8s.io/") || head.contains("\"class_uid\"")) {
            return 0;
        }
        boolean reason = head.contains("\"reason\"");
        if (reason && (head.contains("\"involvedObject\"") || head.contains("\"regarding\""))) {
            return 90;
        }
        if (EVENT_LIST.matcher(head).find()) {
            return 90;
        }
        if (reason && head.contains("\"message\"") && (head.contains("\"lastTimestamp\"")
                || head.contains("\"firstTimestamp\"") || head.contains("\"eventTime\""))) {
            return 60; // compacted exports keep reason, message and times but drop the object reference
        }
        return WATCH_START.matcher(start).find() ? 40 : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        String start = stripBom(file.headText()).stripLeading();
        if (start.isEmpty()) {
            return;
        }
        if (isTableHeader(firstLine(start))) {
            rejectTableRows(file, ctx);
            return;
        }
        if (start.charAt(0) != '{' && start.charAt(0) != '[') {
            ctx.reject(0, 1, "neither JSON nor a kubectl events table (YAML is not read); export with -o json");
            return;
        }
        KubernetesEvents mapper = new KubernetesEvents(ctx);
        READER.read(file, ctx, mapper::map);
    }

    /** One reject per row, so that a user sees exactly which lines were left out and why. */
    private static void rejectTableRows(InputFile file, ParseContext ctx) throws IOException {
        try (Reader r = file.openReader(); BufferedReader lines = new BufferedReader(r)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String row = stripBom(line);
                if (row.isBlank() || isTableHeader(row)) {
                    continue;
                }
                ctx.reject(-1, number, TABLE_REJECT);
            }
        }
    }

    /** {@code kubectl get events [-A] [-o wide]} header: starts with NAMESPACE or LAST SEEN and names the columns. */
    private static boolean isTableHeader(String line) {
        String s = line.strip();
        if (!s.startsWith("NAMESPACE") && !s.startsWith("LAST SEEN")) {
            return false;
        }
        // not Set.of: "-o wide" repeats SEEN, and Set.of rejects duplicates
        List<String> columns = Arrays.asList(s.toUpperCase(Locale.ROOT).split("\\s+"));
        return columns.contains("TYPE") && columns.contains("REASON") && columns.contains("OBJECT")
                && columns.contains("MESSAGE");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
