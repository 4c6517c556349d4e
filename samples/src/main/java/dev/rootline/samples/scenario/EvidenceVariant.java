package dev.rootline.samples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.samples.evidence.Estate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A scenario's evidence rewritten the way other teams' evidence looks, so that the correlator is tested on
 * more than the generator's own conventions. Each variant changes the written files, never the incident: the
 * ground truth stays, but for what the variant renames (a Java client reports {@code connect_timeout} where Go
 * says {@code io_timeout}).
 */
public enum EvidenceVariant {
    /** The scenario as generated. */
    PLAIN,
    /**
     * {@code describe-*} output saved without rootline's {@code ObservedAt}, then copied a day later: the snapshots are
     * dated by their files' modification times.
     */
    NO_OBSERVED_AT,
    /**
     * Clouddriver's Kubernetes client failures as fabric8 over OkHttp prints them
     * ({@code java.net.SocketTimeoutException: Failed to connect to <endpoint>/<ip>:443}) instead of Go's {@code dial tcp}.
     */
    JAVA_FAILURES,
    /**
     * The gateway security groups allow the backend only through two /20s and a managed prefix list, not the whole
     * 10.50.0.0/16: a least-privilege setup that is no block. Not for scenarios whose cause is a security group.
     */
    LEAST_PRIVILEGE_SG,
    /**
     * A second client VPC (10.60.0.0/16) peered with the gateway VPC, routed from its private subnets and let in by
     * the security groups that let the backend in.
     */
    SECOND_PEERING,
    /**
     * Terraform rewrites the API rule of the cluster security group an hour before the incident: a revoke and an
     * authorize of the same rule in the same second, which no replay can order. It must not be blamed.
     */
    SAME_SECOND_REWRITE,
    /**
     * The gateway VPC's flow logs beside the rest, showing what the cause did to the packets: requests accepted with no
     * reply for a lost return route, requests (or, for an egress ACL, replies) rejected for a filter, nothing at all
     * when the peering is gone ({@link FlowLogs}).
     */
    FLOW_LOGS,
    /**
     * Flow logs in which the failing address answers its client both ways throughout the bursts: data-plane evidence
     * against every network cause. The rules still rank the cause first; the flows are cited against it.
     */
    TWO_WAY_FLOWS;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GO_TIMEOUT = Pattern.compile(
            "Failed to read \\[namespace] from : Unable to connect to the server: dial tcp ([\\d.]+):(\\d+): i/o timeout");

    /** Whether this variant makes sense for a scenario (a least-privilege group is the cause's own object in one). */
    public boolean appliesTo(String scenario) {
        return !(this == LEAST_PRIVILEGE_SG && scenario.equals(SecurityGroupRevokeScenario.NAME));
    }

    /** The failure signature the evidence reports after this variant, for one the generator wrote. */
    public String signature(String generated) {
        return this == JAVA_FAILURES && "io_timeout".equals(generated) ? "connect_timeout" : generated;
    }

    /** Rewrites the evidence a scenario wrote into {@code dir}; returns what was added as a red herring, if anything. */
    public List<String> apply(Path dir) throws IOException {
        Path evidence = Scenario.evidence(dir);
        switch (this) {
            case PLAIN -> { }
            case NO_OBSERVED_AT -> withoutObservedAt(evidence);
            case JAVA_FAILURES -> javaFailures(evidence);
            case LEAST_PRIVILEGE_SG -> leastPrivilege(evidence.resolve("ec2/describe-security-groups.json"));
            case SECOND_PEERING -> secondPeering(evidence.resolve("ec2"));
            case FLOW_LOGS -> FlowLogs.write(dir, false);
            case TWO_WAY_FLOWS -> FlowLogs.write(dir, true);
            case SAME_SECOND_REWRITE -> {
                return sameSecondRewrite(dir, evidence);
            }
        }
        return List.of();
    }

    private static void withoutObservedAt(Path evidence) throws IOException {
        for (Path f : files(evidence, "ec2", "eks")) {
            JsonNode doc = JSON.readTree(f.toFile());
            if (doc instanceof ObjectNode o && o.has("ObservedAt")) {
                Instant observed = Instant.parse(o.remove("ObservedAt").asText());
                JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), o);
                // copied the next day, without keeping file times
                Files.setLastModifiedTime(f, FileTime.from(observed.plus(Duration.ofHours(26))));
            }
        }
    }

    private static void javaFailures(Path evidence) throws IOException {
        String host = endpointHost(evidence);
        for (Path f : files(evidence, "clouddriver")) {
            String text = read(f);
            Matcher m = GO_TIMEOUT.matcher(text);
            String java = m.replaceAll(r -> Matcher.quoteReplacement("Operation: [list]  for kind: [Namespace]  with name: "
                    + "[null]  in namespace: [null]  failed.\nio.fabric8.kubernetes.client.KubernetesClientException: "
                    + "Operation: [list]  for kind: [Namespace]  with name: [null]  in namespace: [null]  failed.\n"
                    + "Caused by: java.net.SocketTimeoutException: Failed to connect to " + host + "/" + r.group(1) + ":"
                    + r.group(2) + "\n\tat okhttp3.internal.connection.RealConnection.connectSocket(RealConnection.kt:298)"));
            write(f, java);
        }
    }

    private static void leastPrivilege(Path groups) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(groups.toFile());
        for (JsonNode g : doc.path("SecurityGroups")) {
            for (JsonNode perm : g.path("IpPermissions")) {
                ArrayNode ranges = (ArrayNode) perm.path("IpRanges");
                for (int i = 0; i < ranges.size(); i++) {
                    if (Estate.BACKEND_CIDR.equals(ranges.get(i).path("CidrIp").asText())) {
                        ranges.remove(i);
                        ranges.addObject().put("CidrIp", "10.50.0.0/20").put("Description", "clouddriver subnet a");
                        ranges.addObject().put("CidrIp", "10.50.32.0/20").put("Description", "clouddriver subnet b");
                        ((ArrayNode) perm.withArray("PrefixListIds")).addObject().put("PrefixListId", "pl-0b7e5a1c2d3e4f506")
                                .put("Description", "backend CI runners");
                        break;
                    }
                }
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(groups.toFile(), doc);
    }

    private static void secondPeering(Path ec2) throws IOException {
        Path peeringsFile = ec2.resolve("describe-vpc-peering-connections.json");
        ObjectNode peerings = (ObjectNode) JSON.readTree(peeringsFile.toFile());
        JsonNode backend = null;
        for (JsonNode p : peerings.path("VpcPeeringConnections")) {
            if (Estate.BACKEND_CIDR.equals(p.path("RequesterVpcInfo").path("CidrBlock").asText())
                    || Estate.BACKEND_CIDR.equals(p.path("AccepterVpcInfo").path("CidrBlock").asText())) {
                backend = p;
            }
        }
        if (backend == null) {
            return;
        }
        ObjectNode second = backend.deepCopy();
        String pcx = "pcx-0c0ffee5eed5ca1ab";
        second.put("VpcPeeringConnectionId", pcx);
        boolean backendRequested = Estate.BACKEND_CIDR.equals(second.path("RequesterVpcInfo").path("CidrBlock").asText());
        ObjectNode other = (ObjectNode) second.path(backendRequested ? "RequesterVpcInfo" : "AccepterVpcInfo");
        other.put("CidrBlock", "10.60.0.0/16").put("VpcId", "vpc-0da7a5c1e17ba5e60");
        other.remove("CidrBlockSet");
        other.putArray("CidrBlockSet").addObject().put("CidrBlock", "10.60.0.0/16");
        ((ArrayNode) peerings.path("VpcPeeringConnections")).add(second);
        JSON.writerWithDefaultPrettyPrinter().writeValue(peeringsFile.toFile(), peerings);

        Path tablesFile = ec2.resolve("describe-route-tables.json");
        ObjectNode tables = (ObjectNode) JSON.readTree(tablesFile.toFile());
        String backendPcx = backend.path("VpcPeeringConnectionId").asText();
        for (JsonNode t : tables.path("RouteTables")) {
            ArrayNode routes = (ArrayNode) t.path("Routes");
            boolean toBackend = false;
            for (JsonNode r : routes) {
                toBackend |= backendPcx.equals(r.path("VpcPeeringConnectionId").asText())
                        && Estate.BACKEND_CIDR.equals(r.path("DestinationCidrBlock").asText());
            }
            if (toBackend) {
                routes.addObject().put("DestinationCidrBlock", "10.60.0.0/16").put("VpcPeeringConnectionId", pcx)
                        .put("Origin", "CreateRoute").put("State", "active");
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(tablesFile.toFile(), tables);

        // a client network is let in where the backend is
        Path groupsFile = ec2.resolve("describe-security-groups.json");
        ObjectNode groups = (ObjectNode) JSON.readTree(groupsFile.toFile());
        for (JsonNode g : groups.path("SecurityGroups")) {
            for (JsonNode perm : g.path("IpPermissions")) {
                ArrayNode ranges = (ArrayNode) perm.path("IpRanges");
                boolean backendRule = false;
                for (JsonNode r : ranges) {
                    backendRule |= Estate.BACKEND_CIDR.equals(r.path("CidrIp").asText());
                }
                if (backendRule) {
                    ranges.addObject().put("CidrIp", "10.60.0.0/16").put("Description", "second client VPC");
                }
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(groupsFile.toFile(), groups);
    }

    /** Adds a delivery file with the revoke and the authorize; returns their eventIDs. */
    private static List<String> sameSecondRewrite(Path dir, Path evidence) throws IOException {
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        if (expected.path("bursts").isEmpty()) {
            return List.of(); // a quiet stretch has no incident to put the rewrite before
        }
        Instant incident = Instant.parse(expected.path("bursts").path(0).path("start").asText()).minus(Duration.ofHours(1));
        String group = clusterSecurityGroup(evidence);
        String account = null;
        Path template = null;
        for (Path f : files(evidence, "AWSLogs")) {
            template = f;
            account = evidence.resolve("AWSLogs").relativize(f).getName(0).toString();
            break;
        }
        if (group == null || account == null) {
            return List.of();
        }
        ArrayNode records = JSON.createArrayNode();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("RevokeSecurityGroupIngress", "AuthorizeSecurityGroupIngress")) {
            String id = java.util.UUID.nameUUIDFromBytes((dir.getFileName() + name).getBytes(StandardCharsets.UTF_8)).toString();
            ids.add(id);
            ObjectNode r = records.addObject().put("eventVersion", "1.09").put("eventTime", incident.toString().replaceAll("\\.\\d+Z$", "Z"))
                    .put("eventSource", "ec2.amazonaws.com").put("eventName", name).put("awsRegion", "us-east-1")
                    .put("sourceIPAddress", "10.50.33.7").put("userAgent", "APN/1.0 HashiCorp/1.0 Terraform/1.9.8")
                    .put("eventID", id).put("requestID", id).put("readOnly", false).put("eventType", "AwsApiCall")
                    .put("managementEvent", true).put("recipientAccountId", account).put("eventCategory", "Management");
            r.putObject("userIdentity").put("type", "AssumedRole").put("accountId", account)
                    .put("arn", "arn:aws:sts::" + account + ":assumed-role/terraform-ci/ci-run-4411");
            ObjectNode item = r.putObject("requestParameters").put("groupId", group).putObject("ipPermissions").putArray("items")
                    .addObject().put("ipProtocol", "tcp").put("fromPort", 443).put("toPort", 443);
            item.putObject("ipRanges").putArray("items").addObject().put("cidrIp", Estate.BACKEND_CIDR)
                    .put("description", "Spinnaker and CI in the backend VPC to the API server");
            r.putObject("responseElements").put("_return", true);
        }
        ObjectNode file = JSON.createObjectNode();
        file.set("Records", records);
        Path out = template.resolveSibling(account + "_CloudTrail_us-east-1_terraform-rewrite.json.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
            JSON.writeValue(o, file);
        }
        return ids;
    }

    private static String clusterSecurityGroup(Path evidence) throws IOException {
        for (Path f : files(evidence, "eks")) {
            JsonNode c = JSON.readTree(f.toFile()).path("cluster");
            if (c.path("name").asText().contains("gw")) {
                return c.path("resourcesVpcConfig").path("clusterSecurityGroupId").asText(null);
            }
        }
        return null;
    }

    private static String endpointHost(Path evidence) throws IOException {
        for (Path f : files(evidence, "eks")) {
            JsonNode c = JSON.readTree(f.toFile()).path("cluster");
            if (c.path("name").asText().contains("gw") && c.has("endpoint")) {
                return java.net.URI.create(c.path("endpoint").asText()).getHost();
            }
        }
        return "api.prd-gw-eks.internal";
    }

    private static List<Path> files(Path evidence, String... folders) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String folder : folders) {
            Path d = evidence.resolve(folder);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static String read(Path f) throws IOException {
        try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path f, String text) throws IOException {
        try (OutputStream out = f.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
