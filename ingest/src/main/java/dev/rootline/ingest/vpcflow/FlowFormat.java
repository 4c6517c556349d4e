package dev.rootline.ingest.vpcflow;

import dev.rootline.ingest.ParseContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The fields of a flow log's records, in the order a line holds them: AWS's default format
 * ({@link #DEFAULT_V2}), a custom format as its S3 header line names it ({@link #fromHeader}), or a header-less
 * line with every field up to some version ({@link #forFieldCount}).
 *
 * <p>Field names are AWS's ({@code interface-id}, {@code pkt-srcaddr}); names rootline does not know yet are
 * kept, so a format with fields newer than this class still reads.
 */
public final class FlowFormat {
    /**
     * Every field AWS defines, in the order of the versions that added them (2, 3, 4, 5, 7, 8). A record without
     * a header, in a format other than the default, is read as the first N of these, as other readers do.
     */
    static final List<String> VERSION_ORDER = List.of(
            "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets",
            "bytes", "start", "end", "action", "log-status",
            "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr",
            "region", "az-id", "sublocation-type", "sublocation-id",
            "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path",
            "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id",
            "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn",
            "ecs-task-arn", "ecs-task-id",
            "reject-reason");
    private static final Set<String> KNOWN = Set.copyOf(VERSION_ORDER);
    /** How many of {@link #VERSION_ORDER} each version's full format has. */
    private static final int[] VERSION_SIZES = {14, 21, 25, 29, 39, 40};
    /** Fields that become an {@link dev.rootline.ingest.Event} field of their own, not an attribute of their name. */
    private static final Set<String> MAPPED = Set.of("account-id", "interface-id", "srcaddr", "dstaddr", "srcport",
            "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id",
            "instance-id", "region");
    /** The fields every record's id names one by one; the id covers the others by name (see {@link #idExtras}). */
    private static final Set<String> ID_FIXED = Set.of("account-id", "interface-id", "start", "end", "srcaddr", "dstaddr",
            "srcport", "dstport", "protocol", "packets", "bytes", "action", "log-status");

    /** {@code ${version} ${account-id} … ${log-status}}: what AWS writes unless told otherwise. */
    public static final FlowFormat DEFAULT_V2 = new FlowFormat(VERSION_ORDER.subList(0, 14), false);

    private static final Map<Integer, FlowFormat> BY_COUNT = byCount();

    private final List<String> fields;
    private final boolean declared;
    final int version;
    final int account;
    final int iface;
    final int srcaddr;
    final int dstaddr;
    final int srcport;
    final int dstport;
    final int protocol;
    final int packets;
    final int bytes;
    final int start;
    final int end;
    final int action;
    final int status;
    final int vpc;
    final int subnet;
    final int instance;
    final int region;
    final int pktSrcaddr;
    final int pktDstaddr;
    final int rejectReason;
    /** Positions of the fields kept as attributes under their own names, in format order. */
    final int[] extras;
    /** Every field but {@code version} and the fixed ones, sorted by name: what a record's id covers beside those. */
    final int[] idExtras;

    private FlowFormat(List<String> fields, boolean declared) {
        this.fields = List.copyOf(fields);
        this.declared = declared;
        version = this.fields.indexOf("version");
        account = this.fields.indexOf("account-id");
        iface = this.fields.indexOf("interface-id");
        srcaddr = this.fields.indexOf("srcaddr");
        dstaddr = this.fields.indexOf("dstaddr");
        srcport = this.fields.indexOf("srcport");
        dstport = this.fields.indexOf("dstport");
        protocol = this.fields.indexOf("protocol");
        packets = this.fields.indexOf("packets");
        bytes = this.fields.indexOf("bytes");
        start = this.fields.indexOf("start");
        end = this.fields.indexOf("end");
        action = this.fields.indexOf("action");
        status = this.fields.indexOf("log-status");
        vpc = this.fields.indexOf("vpc-id");
        subnet = this.fields.indexOf("subnet-id");
        instance = this.fields.indexOf("instance-id");
        region = this.fields.indexOf("region");
        pktSrcaddr = this.fields.indexOf("pkt-srcaddr");
        pktDstaddr = this.fields.indexOf("pkt-dstaddr");
        rejectReason = this.fields.indexOf("reject-reason");
        extras = positions(i -> !MAPPED.contains(this.fields.get(i)));
        idExtras = Arrays.stream(positions(i -> !ID_FIXED.contains(this.fields.get(i)) && i != version)).boxed()
                .sorted((a, b) -> this.fields.get(a).compareTo(this.fields.get(b))).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The format a header line names, as S3 delivery files start with it ({@code version account-id …}) or as
     * {@code --log-format} gives it ({@code ${version} ${account-id} …}).
     *
     * @throws IllegalArgumentException when the text is not a list of field names, names one twice, or names
     *                                  fewer than two fields AWS defines
     */
    public static FlowFormat fromHeader(String header) {
        String[] names = FlowLine.split(header == null ? "" : header);
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            names[i] = n.startsWith("${") && n.endsWith("}") ? n.substring(2, n.length() - 1) : n;
        }
        String problem = headerProblem(names);
        if (problem != null) {
            throw new IllegalArgumentException("not a flow log format: " + problem);
        }
        return new FlowFormat(List.of(names), true);
    }

    /** The last format read by {@link #given}: records read one by one ask for it on every line. */
    private static volatile Given lastGiven;

    private record Given(String text, FlowFormat format) {
    }

    /**
     * The format the user declared for header-less records ({@link ParseContext#flowFormat()}), or null. The text
     * was checked when the user gave it; a bad one here is a caller's bug.
     */
    public static FlowFormat given(ParseContext ctx) {
        String text = ctx.flowFormat();
        if (text == null) {
            return null;
        }
        Given last = lastGiven;
        if (last == null || !last.text().equals(text)) {
            last = new Given(text, fromHeader(text));
            lastGiven = last;
        }
        return last.format();
    }

    /** True for a line of field names, such as an S3 file's first line. */
    static boolean isHeader(String[] tokens) {
        if (tokens.length == 0) {
            return false;
        }
        for (String t : tokens) {
            if (!isName(t)) {
                return false; // the cheap test first: records fail it at once, on a number or an address
            }
        }
        return headerProblem(tokens) == null;
    }

    static FlowFormat ofHeader(String[] tokens) {
        return new FlowFormat(List.of(tokens), true);
    }

    /**
     * The format of a header-less record with this many fields: the default format for 14, the first 21, 25,
     * 29, 39 or 40 of {@link #VERSION_ORDER} (every field of versions 3, 4, 5, 7 and 8); null for other counts.
     */
    public static FlowFormat forFieldCount(int count) {
        return BY_COUNT.get(count);
    }

    public List<String> fields() {
        return fields;
    }

    /** True when the fields come from a header or the user, not from the field count. */
    public boolean declared() {
        return declared;
    }

    /** The format as an S3 header line. */
    public String header() {
        return String.join(" ", fields);
    }

    int size() {
        return fields.size();
    }

    String name(int position) {
        return fields.get(position);
    }

    private static String headerProblem(String[] names) {
        Set<String> seen = new HashSet<>();
        int known = 0;
        for (String n : names) {
            if (!isName(n)) {
                return "'" + n + "' is not a field name";
            }
            if (!seen.add(n)) {
                return "'" + n + "' is named twice";
            }
            known += KNOWN.contains(n) ? 1 : 0;
        }
        return known >= 2 ? null : "fewer than two of AWS's field names (version, srcaddr, dstaddr, …)";
    }

    /** {@code pkt-srcaddr}: lower-case letters, digits and dashes, starting with a letter. */
    private static boolean isName(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private int[] positions(IntPredicate keep) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (keep.test(i)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<Integer, FlowFormat> byCount() {
        Map<Integer, FlowFormat> m = new java.util.HashMap<>();
        m.put(14, DEFAULT_V2);
        for (int n : VERSION_SIZES) {
            m.putIfAbsent(n, new FlowFormat(VERSION_ORDER.subList(0, n), false));
        }
        return Map.copyOf(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowFormat f && f.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return header();
    }
}
