package dev.rootline.ingest.vpcflow;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;

import java.time.Duration;
import java.time.Instant;

import static dev.rootline.ingest.vpcflow.FlowLine.NONE;

/** Checks one record's fields against its format and maps them to an {@link Event} of kind {@value #KIND}. */
final class FlowRecords {
    static final String KIND = "FlowRecord";
    /** Aggregation windows last 1 to 10 minutes; a window of more than a day says its start or end is wrong. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    private static final int MAX_QUOTE = 40;
    /** 9999-12-31T23:59:59Z: later "epoch seconds" are not times. */
    private static final long LAST_SECOND = 253_402_300_799L;

    private FlowRecords() {
    }

    /** Why these fields are not a record of the format (its kind before the colon), or null when they are one. */
    static String problem(String[] f, FlowFormat format) {
        if (f.length != format.size()) {
            return "wrong number of fields: " + f.length + ", but " + (format.declared() ? "the header names " : "the format has ")
                    + format.size();
        }
        String p = number(f, format, format.version, Long.MAX_VALUE, "a version number");
        p = p != null ? p : address(f, format, format.srcaddr);
        p = p != null ? p : address(f, format, format.dstaddr);
        p = p != null ? p : address(f, format, format.pktSrcaddr);
        p = p != null ? p : address(f, format, format.pktDstaddr);
        p = p != null ? p : number(f, format, format.srcport, 65_535, "a port");
        p = p != null ? p : number(f, format, format.dstport, 65_535, "a port");
        p = p != null ? p : number(f, format, format.protocol, 255, "an IANA protocol number");
        p = p != null ? p : number(f, format, format.packets, Long.MAX_VALUE, "a count");
        p = p != null ? p : number(f, format, format.bytes, Long.MAX_VALUE, "a count");
        p = p != null ? p : number(f, format, format.start, LAST_SECOND, "epoch seconds");
        p = p != null ? p : number(f, format, format.end, LAST_SECOND, "epoch seconds");
        p = p != null ? p : word(f, format, format.action);
        return p != null ? p : word(f, format, format.status);
    }

    /** The event for fields that passed {@link #problem}; warns about a window too long to be true. */
    static Event toEvent(String[] f, FlowFormat format, ParseContext ctx, long offset, long line, String raw) {
        String src = value(f, format.srcaddr);
        String dst = value(f, format.dstaddr);
        String srcport = value(f, format.srcport);
        String dstport = value(f, format.dstport);
        String protocol = value(f, format.protocol);
        String protocolName = protocolName(protocol);
        String action = value(f, format.action);
        String status = value(f, format.status);
        String iface = value(f, format.iface);
        String packets = value(f, format.packets);
        String bytes = value(f, format.bytes);
        Instant start = epoch(value(f, format.start));
        Instant end = epoch(value(f, format.end));
        if (start != null && end != null && (end.isBefore(start) || Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0)) {
            ctx.warn(offset, line, "aggregation window reversed or longer than a day: from " + start + " to " + end
                    + "; the record's start (its time here) or end is likely wrong");
        }
        Event.Builder b = Event.builder(Source.VPCFLOW, KIND)
                .id("vpcflow-" + id(f, format))
                .time(start)
                .level("REJECT".equals(action) || "SKIPDATA".equals(status) ? Level.WARN : Level.INFO)
                .message(message(f, format, protocolName))
                .account(value(f, format.account))
                .region(value(f, format.region))
                .raw(raw)
                .provenance(ctx.at(offset, line))
                .resource(ResourceType.ENI, iface)
                .resource(ResourceType.VPC, value(f, format.vpc))
                .resource(ResourceType.SUBNET, value(f, format.subnet))
                .resource(ResourceType.INSTANCE, value(f, format.instance))
                .ip(src)
                .ip(dst)
                .ip(value(f, format.pktSrcaddr))
                .ip(value(f, format.pktDstaddr))
                .attribute("srcaddr", src)
                .attribute("dstaddr", dst)
                .attribute("srcport", srcport)
                .attribute("dstport", dstport)
                .attribute("protocol", protocol)
                .attribute("protocolName", protocolName)
                .attribute("action", action)
                .attribute("logStatus", status)
                .attribute("bytes", bytes)
                .attribute("packets", packets)
                .attribute("start", start == null ? null : start.toString())
                .attribute("end", end == null ? null : end.toString());
        for (int i : format.extras) {
            b.attribute(format.name(i), value(f, i));
        }
        return b.build();
    }

    /**
     * A digest of what the record says, not of where it was read: the same record from S3 and from CloudWatch
     * Logs, gzipped or not, in any field order, gets one id. Two records equal in every field (ENI, window,
     * addresses, ports, protocol, counts, action) merge too. AWS aggregates each flow per ENI and window into one
     * record, so distinct equal records need one flow split into two records of the same window with the same
     * counts: rare, and it would understate that flow's packets and bytes, never hide that it happened.
     */
    private static String id(String[] f, FlowFormat format) {
        String[] parts = new String[13 + format.idExtras.length];
        int k = 0;
        for (int pos : new int[] {format.account, format.iface, format.start, format.end, format.srcaddr, format.dstaddr,
                format.srcport, format.dstport, format.protocol, format.packets, format.bytes, format.action,
                format.status}) {
            parts[k++] = value(f, pos);
        }
        for (int pos : format.idExtras) {
            String v = value(f, pos);
            parts[k++] = v == null ? null : format.name(pos) + "=" + v;
        }
        return StableIds.hash(parts);
    }

    /** {@code ACCEPT tcp 10.0.0.1:20641 -> 10.0.0.2:22 20 packets 4249 bytes}; {@code NODATA eni-…: no traffic}. */
    private static String message(String[] f, FlowFormat format, String protocolName) {
        String src = value(f, format.srcaddr);
        String dst = value(f, format.dstaddr);
        String status = value(f, format.status);
        StringBuilder m = new StringBuilder(96);
        if (src == null && dst == null) {
            m.append(status == null ? NONE : status).append(' ').append(orNone(value(f, format.iface)));
            if ("NODATA".equals(status)) {
                m.append(": no traffic in the window");
            } else if ("SKIPDATA".equals(status)) {
                m.append(": records skipped in the window");
            }
            return m.toString();
        }
        String srcport = value(f, format.srcport);
        String dstport = value(f, format.dstport);
        boolean ports = !("0".equals(srcport) && "0".equals(dstport)); // ICMP and others carry 0
        m.append(orNone(value(f, format.action))).append(' ');
        String protocol = value(f, format.protocol);
        if (protocol != null) {
            m.append(protocolName != null ? protocolName : "protocol " + protocol).append(' ');
        }
        endpoint(m, src, ports ? srcport : null).append(" -> ");
        endpoint(m, dst, ports ? dstport : null);
        String packets = value(f, format.packets);
        String bytes = value(f, format.bytes);
        if (packets != null) {
            m.append(' ').append(packets).append(" packets");
        }
        if (bytes != null) {
            m.append(' ').append(bytes).append(" bytes");
        }
        if (status != null && !"OK".equals(status)) {
            m.append(" (").append(status).append(')');
        }
        String reason = value(f, format.rejectReason);
        if (reason != null) {
            m.append(" reject-reason ").append(reason);
        }
        return m.toString();
    }

    private static StringBuilder endpoint(StringBuilder m, String address, String port) {
        if (address == null) {
            return m.append(NONE);
        }
        boolean v6 = address.indexOf(':') >= 0;
        if (port == null) {
            return m.append(address);
        }
        return v6 ? m.append('[').append(address).append("]:").append(port) : m.append(address).append(':').append(port);
    }

    /** The names people search by, for the protocols flow logs mostly carry; null for the rest. */
    static String protocolName(String number) {
        if (number == null) {
            return null;
        }
        return switch (number) {
            case "1" -> "icmp";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "47" -> "gre";
            case "50" -> "esp";
            case "58" -> "icmpv6";
            case "132" -> "sctp";
            default -> null;
        };
    }

    /** The field's value, or null when the format lacks it or AWS wrote {@code -}. */
    private static String value(String[] f, int pos) {
        if (pos < 0) {
            return null;
        }
        String v = f[pos];
        return NONE.equals(v) ? null : v;
    }

    private static Instant epoch(String seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(FlowLine.number(seconds));
    }

    private static String orNone(String v) {
        return v == null ? NONE : v;
    }

    private static String number(String[] f, FlowFormat format, int pos, long max, String what) {
        String v = value(f, pos);
        if (v == null) {
            return null;
        }
        long n = FlowLine.number(v);
        return n >= 0 && n <= max ? null : format.name(pos) + " is not " + what + ": '" + clip(v) + "'";
    }

    private static String address(String[] f, FlowFormat format, int pos) {
        String v = value(f, pos);
        return v == null || IpAddresses.isIp(v) ? null : format.name(pos) + " is not an IP address: '" + clip(v) + "'";
    }

    /** ACCEPT, REJECT, OK, NODATA, SKIPDATA, or a value AWS may add: upper-case letters. */
    private static String word(String[] f, FlowFormat format, int pos) {
        String v = value(f, pos);
        if (v == null) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < 'A' || v.charAt(i) > 'Z') {
                return format.name(pos) + " is not a flow log " + format.name(pos) + ": '" + clip(v) + "'";
            }
        }
        return null;
    }

    private static String clip(String v) {
        return v.length() <= MAX_QUOTE ? v : v.substring(0, MAX_QUOTE) + "…";
    }
}
