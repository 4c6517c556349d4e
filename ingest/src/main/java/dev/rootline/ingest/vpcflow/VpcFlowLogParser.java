package dev.rootline.ingest.vpcflow;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VPC Flow Logs as S3 delivers them (a header line naming the fields, then records), as CloudWatch Logs holds
 * them (records of the default format, or of every field up to a version, without a header), and wrapped in
 * JSON lines by Firehose or a subscription ({@code {"message":"<record>"}}). One event per record; a line that
 * is no record is rejected with its number and offset, and the rest of the file is read.
 *
 * <p>A header line may appear anywhere: files concatenated from several deliveries keep working, each record
 * read with the last header above it.
 */
public final class VpcFlowLogParser implements EventParser {
    static final int HEADER_SCORE = 95;
    static final int RECORD_SCORE = 90;
    /** Records the sniff cannot place (a custom format without its header): still ours, to reject with a reason. */
    static final int LOOKALIKE_SCORE = 60;
    private static final int SNIFF_LINES = 5;
    private static final Set<String> ACTIONS = Set.of("ACCEPT", "REJECT", FlowLine.NONE);
    private static final Set<String> STATUSES = Set.of("OK", "NODATA", "SKIPDATA", FlowLine.NONE);

    @Override
    public String name() {
        return "vpcflow";
    }

    @Override
    public int sniff(InputFile file) {
        List<String> lines = sample(file);
        if (lines.isEmpty()) {
            return 0;
        }
        FlowFormat header = null;
        String[] first = null;
        int records = 0;
        int bad = 0;
        for (String line : lines) {
            String record = unwrap(line);
            String[] fields = record == null ? new String[0] : FlowLine.split(record);
            if (header == null && first == null && FlowFormat.isHeader(fields)) {
                header = FlowFormat.ofHeader(fields);
                continue;
            }
            first = first == null ? fields : first;
            FlowFormat format = header != null ? header : FlowFormat.forFieldCount(fields.length);
            boolean ok = format != null && FlowRecords.problem(fields, format) == null
                    && (header != null || plausibleWithoutHeader(fields, format));
            records += ok ? 1 : 0;
            bad += ok ? 0 : 1;
        }
        if (records > 0 && (header != null || bad == 0)) {
            return header != null ? HEADER_SCORE : RECORD_SCORE;
        }
        if (header != null && first == null && (header.srcaddr >= 0 || header.iface >= 0)) {
            return HEADER_SCORE; // a delivery with no records yet
        }
        return first != null && lookalike(first) ? LOOKALIKE_SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        FlowFormat header = FlowFormat.given(ctx); // a header line in the file overrides it
        try (FlowLines lines = FlowLines.open(file)) {
            while (lines.next()) {
                long offset = lines.offset();
                long number = lines.number();
                if (lines.tooLong()) {
                    ctx.reject(offset, number, "line longer than " + FlowLines.MAX_LINE + " bytes: not a flow log record");
                    continue;
                }
                String line = lines.line();
                if (FlowLine.isBlank(line)) {
                    continue;
                }
                String record = unwrap(line);
                if (record == null) {
                    ctx.reject(offset, number, "JSON line without a top-level \"message\" string to read a flow log record from");
                    continue;
                }
                String[] fields = FlowLine.split(record);
                if (FlowFormat.isHeader(fields)) {
                    header = FlowFormat.ofHeader(fields);
                    if (header.start < 0) {
                        ctx.warn(offset, number, "the header names no start field: its records have no time"
                                + " and fall outside every time range");
                    }
                    continue;
                }
                Event e = read(record, fields, header, ctx, offset, number);
                if (e != null) {
                    ctx.emit(e);
                }
            }
        }
    }

    /**
     * One record read on its own, for flow lines that arrive in other envelopes (a CloudWatch Logs export, an
     * event's message). {@code format} null reads the default format, or every field up to a version, by the
     * line's field count. Returns null after rejecting the line to {@code ctx}; does not emit.
     */
    public static Event fromLine(String line, FlowFormat format, ParseContext ctx, long offset, long lineNumber) {
        return read(line, FlowLine.split(line), format, ctx, offset, lineNumber);
    }

    private static Event read(String line, String[] fields, FlowFormat declared, ParseContext ctx, long offset,
                              long number) {
        FlowFormat format = declared != null ? declared : FlowFormat.forFieldCount(fields.length);
        if (format == null) {
            ctx.reject(offset, number, "no header line names these fields: " + fields.length + " fields are neither the"
                    + " default format (14) nor every field up to a version (21, 25, 29, 39 or 40); put the format's"
                    + " field names on the first line");
            return null;
        }
        String problem = FlowRecords.problem(fields, format);
        if (problem != null) {
            ctx.reject(offset, number, problem);
            return null;
        }
        return FlowRecords.toEvent(fields, format, ctx, offset, number, line);
    }

    /** The line itself, the {@code message} of a JSON line, or null for a JSON line without one. */
    private static String unwrap(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '{' ? MessageField.of(line) : line;
    }

    /** Without a header, ask for more than well-formed numbers: a version, and AWS's own words. */
    private static boolean plausibleWithoutHeader(String[] fields, FlowFormat format) {
        return !FlowLine.NONE.equals(fields[format.version]) && ACTIONS.contains(fields[format.action])
                && STATUSES.contains(fields[format.status]);
    }

    /** Has an action and a log status among enough fields: a flow record of a format the sniff cannot place. */
    private static boolean lookalike(String[] fields) {
        boolean action = false;
        boolean status = false;
        for (String f : fields) {
            action |= f.equals("ACCEPT") || f.equals("REJECT");
            status |= f.equals("OK") || f.equals("NODATA") || f.equals("SKIPDATA");
        }
        return fields.length >= 6 && action && status;
    }

    /** The first non-blank lines of the head, without one the 64 KiB cut may have split. */
    private static List<String> sample(InputFile file) {
        byte[] bytes = file.head();
        if (bytes.length >= 2 && (((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
                || ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe))) {
            return List.of(); // UTF-16: never how AWS writes flow logs, and the parser reads bytes as UTF-8
        }
        String head = file.headText();
        boolean cut = bytes.length >= InputFile.HEAD_BYTES;
        List<String> out = new ArrayList<>();
        int start = head.startsWith("\uFEFF") ? 1 : 0;
        while (start < head.length() && out.size() < SNIFF_LINES) {
            int nl = head.indexOf('\n', start);
            if (nl < 0 && cut) {
                break;
            }
            int end = nl < 0 ? head.length() : nl;
            String line = head.substring(start, end > start && head.charAt(end - 1) == '\r' ? end - 1 : end);
            if (!FlowLine.isBlank(line)) {
                out.add(line);
            }
            start = end + 1;
        }
        return out;
    }
}
