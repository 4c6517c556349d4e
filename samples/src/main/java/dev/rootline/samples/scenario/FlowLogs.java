package dev.rootline.samples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.samples.evidence.Estate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The gateway VPC's flow logs as S3 delivers them (default format, a header line, one gzip file per hour under
 * {@code AWSLogs/<account>/vpcflowlogs/<region>/yyyy/MM/dd/}), written for a scenario after the fact from its ground
 * truth: what the packets between the client (Clouddriver) and each failing address did while the failures lasted.
 *
 * <ul>
 *   <li>The return route is gone (an ENI in a public subnet, a deleted route): requests are accepted in and nothing goes
 *       back to the client, as the replies leave by the internet gateway.</li>
 *   <li>A security group lets the client in no more, or a network ACL denies the requests: the requests are rejected.
 *       A network ACL that narrows egress instead: the requests are accepted and the replies rejected on the way out.</li>
 *   <li>The peering connection is gone, or the API is no longer reachable privately: nothing reaches the address.</li>
 * </ul>
 * Before the first burst the same address answers both ways (unless it did not exist yet), and flows elsewhere in the
 * VPC (nodes talking, scanners rejected) are noise. {@code answered} writes two-way traffic during the bursts
 * instead: flow logs that contradict every network cause.
 */
final class FlowLogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets "
            + "bytes start end action log-status";
    /** One aggregation interval; AWS uses 1 or 10 minutes, 5 keeps the files small and the bursts well covered. */
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final Duration BEFORE = Duration.ofHours(2);
    /** Normal traffic stops this long before a burst, beyond {@code FlowEvidence}'s look-back margin. */
    private static final Duration QUIET_GAP = Duration.ofMinutes(20);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    /** What the requests to a failing address do during a burst. */
    enum During { NO_REPLY, REJECTED_IN, REPLY_REJECTED, NOTHING_ARRIVES, ANSWERED }

    private record Burst(String ip, int port, Instant start, Instant end) {
    }

    private FlowLogs() {
    }

    /** Writes the flow logs for the scenario written into {@code dir}; {@code answered}: two-way traffic during the bursts. */
    static void write(Path dir, boolean answered) throws IOException {
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        long seed = expected.path("seed").asLong();
        Estate estate = Estate.generate(seed, false); // the flag changes the cluster's subnet list, not the draws
        Path evidence = Scenario.evidence(dir);
        List<Burst> bursts = new ArrayList<>();
        for (JsonNode b : expected.path("bursts")) {
            String[] target = b.path("target").asText().split(":");
            if (target.length == 2 && target[0].startsWith("172.20.")) {
                bursts.add(new Burst(target[0], Integer.parseInt(target[1]), Instant.parse(b.path("start").asText()),
                        Instant.parse(b.path("end").asText())));
            }
        }
        Instant from = bursts.isEmpty() ? Instant.parse(expected.path("redHerrings").path(0).path("start").asText("2024-10-25T00:00:00Z"))
                : bursts.get(0).start().minus(BEFORE);
        Instant to = bursts.isEmpty() ? from.plus(Duration.ofHours(6)) : bursts.get(bursts.size() - 1).end().plus(Duration.ofHours(1));
        During during = answered ? During.ANSWERED : during(expected.path("cause"), evidence);
        boolean existedBefore = !Expected.ENI_IN_UNROUTED_SUBNET.equals(expected.path("cause").path("kind").asText());
        Map<String, String> enis = interfaces(evidence);
        SplittableRandom r = new SplittableRandom(seed ^ 0xF10F10L);
        String client = estate.clouddriverIp();
        List<Estate.Node> nodes = estate.gatewayCluster().nodes();

        TreeMap<Instant, StringBuilder> byHour = new TreeMap<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
            StringBuilder out = byHour.computeIfAbsent(t.truncatedTo(java.time.temporal.ChronoUnit.HOURS), k -> new StringBuilder());
            Instant end = t.plus(STEP);
            for (Burst b : bursts) {
                String eni = enis.getOrDefault(b.ip(), syntheticEni(b.ip()));
                int clientPort = 32768 + r.nextInt(28000);
                if (!t.isBefore(b.start()) && t.isBefore(b.end())) {
                    switch (during) {
                        case NO_REPLY -> record(out, estate, eni, client, b.ip(), clientPort, b.port(), 3, 180, t, end, "ACCEPT");
                        case REJECTED_IN -> record(out, estate, eni, client, b.ip(), clientPort, b.port(), 3, 180, t, end, "REJECT");
                        case REPLY_REJECTED -> {
                            record(out, estate, eni, client, b.ip(), clientPort, b.port(), 3, 180, t, end, "ACCEPT");
                            record(out, estate, eni, b.ip(), client, b.port(), clientPort, 3, 156, t, end, "REJECT");
                        }
                        case ANSWERED -> twoWay(out, estate, eni, client, b.ip(), clientPort, b.port(), r, t, end);
                        case NOTHING_ARRIVES -> { }
                    }
                } else if (existedBefore && t.isBefore(bursts.get(0).start().minus(QUIET_GAP))) {
                    twoWay(out, estate, eni, client, b.ip(), clientPort, b.port(), r, t, end);
                }
            }
            // noise: kubelets talking to each other, and the internet knocking on a node's port 22
            Estate.Node a = nodes.get(r.nextInt(nodes.size()));
            Estate.Node c = nodes.get(r.nextInt(nodes.size()));
            if (a != c) {
                twoWay(out, estate, a.eniId(), a.ip(), c.ip(), 32768 + r.nextInt(28000), 10250, r, t, end);
            }
            if (r.nextInt(6) == 0) {
                record(out, estate, a.eniId(), "198.51.100." + (1 + r.nextInt(250)), a.ip(), 1024 + r.nextInt(60000), 22, 1, 44,
                        t, end, "REJECT");
            }
        }
        Path folder = evidence.resolve("AWSLogs").resolve(estate.account()).resolve("vpcflowlogs").resolve(estate.region());
        String flowLogId = "fl-" + HexFormat.of().toHexDigits(seed).substring(0, 16) + "a";
        for (var e : byHour.entrySet()) {
            Path f = folder.resolve(DAY.format(e.getKey())).resolve(estate.account() + "_vpcflowlogs_" + estate.region() + "_"
                    + flowLogId + "_" + HOUR.format(e.getKey()) + "_" + Integer.toHexString(e.getKey().hashCode()) + ".log.gz");
            Files.createDirectories(f.getParent());
            try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f)), StandardCharsets.UTF_8)) {
                w.write(HEADER + "\n");
                w.write(e.getValue().toString());
            }
        }
    }

    /** What the true cause does to the requests; a network ACL's own change says whether it cut the way in or out. */
    private static During during(JsonNode cause, Path evidence) throws IOException {
        return switch (cause.path("kind").asText("")) {
            case Expected.ENI_IN_UNROUTED_SUBNET, Expected.ROUTE_CHANGE -> During.NO_REPLY;
            case Expected.SECURITY_GROUP_CHANGE -> During.REJECTED_IN;
            case Expected.NACL_CHANGE -> egressChange(cause.path("changeEventIds"), evidence) ? During.REPLY_REJECTED : During.REJECTED_IN;
            default -> During.NOTHING_ARRIVES;
        };
    }

    private static boolean egressChange(JsonNode ids, Path evidence) throws IOException {
        List<String> wanted = new ArrayList<>();
        ids.forEach(id -> wanted.add(id.asText()));
        for (Path f : files(evidence.resolve("AWSLogs"), ".json.gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                for (JsonNode r : JSON.readTree(in).path("Records")) {
                    if (wanted.contains(r.path("eventID").asText())) {
                        return r.path("requestParameters").path("egress").asBoolean(false);
                    }
                }
            }
        }
        return false;
    }

    /** Each address's interface, from the network-interface snapshot. */
    private static Map<String, String> interfaces(Path evidence) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path f = evidence.resolve("ec2/describe-network-interfaces.json");
        if (Files.exists(f)) {
            for (JsonNode n : JSON.readTree(f.toFile()).path("NetworkInterfaces")) {
                out.put(n.path("PrivateIpAddress").asText(), n.path("NetworkInterfaceId").asText());
            }
        }
        return out;
    }

    /** An interface id for an address the snapshots do not hold, the same for the same address. */
    private static String syntheticEni(String ip) {
        return "eni-0" + HexFormat.of().toHexDigits((long) ip.hashCode() * 0x9E3779B97F4A7C15L).substring(0, 16);
    }

    private static void twoWay(StringBuilder out, Estate e, String eni, String from, String to, int fromPort, int toPort,
                               SplittableRandom r, Instant start, Instant end) {
        int packets = 8 + r.nextInt(40);
        record(out, e, eni, from, to, fromPort, toPort, packets, packets * 90L, start, end, "ACCEPT");
        record(out, e, eni, to, from, toPort, fromPort, packets, packets * 610L, start, end, "ACCEPT");
    }

    private static void record(StringBuilder out, Estate e, String eni, String src, String dst, int srcPort, int dstPort,
                               int packets, long bytes, Instant start, Instant end, String action) {
        out.append("2 ").append(e.account()).append(' ').append(eni).append(' ').append(src).append(' ').append(dst)
                .append(' ').append(srcPort).append(' ').append(dstPort).append(" 6 ").append(packets).append(' ')
                .append(bytes).append(' ').append(start.getEpochSecond()).append(' ').append(end.getEpochSecond())
                .append(' ').append(action).append(" OK\n");
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
