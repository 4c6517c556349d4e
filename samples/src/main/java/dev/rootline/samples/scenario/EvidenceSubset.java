package dev.rootline.samples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.samples.evidence.Estate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A scenario with part of its evidence missing, as teams usually start a postmortem: CloudTrail and logs without
 * any {@code describe-*} snapshot, logs and snapshots without CloudTrail, or CloudTrail from only one of the accounts
 * involved. The incident is unchanged; what the investigation can prove is not. (Snapshots taken the day after the
 * incident, the usual case, are what every scenario writes.)
 */
public enum EvidenceSubset {
    /** Everything the scenario wrote. */
    ALL,
    /** CloudTrail, application logs and Kubernetes events; no EC2 or EKS {@code describe-*} output. */
    NO_SNAPSHOTS,
    /** Logs, events and snapshots; no CloudTrail. */
    NO_CLOUDTRAIL,
    /**
     * The backend VPC and its cluster belong to a second account ({@link #SECOND_ACCOUNT}), whose CloudTrail was not
     * collected: its records are removed, the snapshots name it as the owner of the backend's resources.
     */
    ONE_ACCOUNT_CLOUDTRAIL;

    /** The account the backend moves to in {@link #ONE_ACCOUNT_CLOUDTRAIL}. */
    public static final String SECOND_ACCOUNT = "210987654321";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Removes or rewrites the evidence a scenario wrote into {@code dir}. */
    public void apply(Path dir) throws IOException {
        Path evidence = Scenario.evidence(dir);
        switch (this) {
            case ALL -> { }
            case NO_SNAPSHOTS -> {
                delete(evidence.resolve("ec2"));
                delete(evidence.resolve("eks"));
            }
            case NO_CLOUDTRAIL -> delete(evidence.resolve("AWSLogs"));
            case ONE_ACCOUNT_CLOUDTRAIL -> backendInSecondAccount(evidence);
        }
    }

    private static void backendInSecondAccount(Path evidence) throws IOException {
        String backendVpc = null;
        for (JsonNode v : JSON.readTree(evidence.resolve("ec2/describe-vpcs.json").toFile()).path("Vpcs")) {
            if (Estate.BACKEND_CIDR.equals(v.path("CidrBlock").asText())) {
                backendVpc = v.path("VpcId").asText();
            }
        }
        if (backendVpc == null) {
            throw new IllegalStateException("no backend VPC in " + evidence);
        }
        Set<String> backendIds = new HashSet<>(Set.of(backendVpc, Estate.BACKEND_CLUSTER));
        try (Stream<Path> s = Files.list(evidence.resolve("ec2"))) {
            for (Path f : s.sorted().toList()) {
                JsonNode doc = JSON.readTree(f.toFile());
                for (JsonNode list : doc) {
                    for (JsonNode item : list) {
                        if (item instanceof ObjectNode o && backendVpc.equals(o.path("VpcId").asText()) && o.has("OwnerId")) {
                            o.put("OwnerId", SECOND_ACCOUNT);
                            for (String id : List.of("SubnetId", "RouteTableId", "GroupId", "NetworkAclId", "NetworkInterfaceId")) {
                                if (o.hasNonNull(id)) {
                                    backendIds.add(o.get(id).asText());
                                }
                            }
                        }
                    }
                }
                for (JsonNode p : doc.path("VpcPeeringConnections")) {
                    for (String side : List.of("RequesterVpcInfo", "AccepterVpcInfo")) {
                        if (p.path(side) instanceof ObjectNode o && backendVpc.equals(o.path("VpcId").asText())) {
                            o.put("OwnerId", SECOND_ACCOUNT);
                        }
                    }
                }
                JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), doc);
            }
        }
        Path cluster = evidence.resolve("eks/describe-cluster-" + Estate.BACKEND_CLUSTER + ".json");
        if (Files.exists(cluster)) {
            ObjectNode doc = (ObjectNode) JSON.readTree(cluster.toFile());
            ObjectNode c = (ObjectNode) doc.path("cluster");
            c.put("arn", c.path("arn").asText().replaceAll(":\\d{12}:", ":" + SECOND_ACCOUNT + ":"));
            JSON.writerWithDefaultPrettyPrinter().writeValue(cluster.toFile(), doc);
        }
        dropRecordsNaming(evidence.resolve("AWSLogs"), backendIds);
    }

    /** Removes every CloudTrail record that names one of {@code ids}: the second account's calls. */
    private static void dropRecordsNaming(Path logs, Set<String> ids) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(logs)) {
            files = s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode doc;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                doc = JSON.readTree(in);
            }
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode r : doc.path("Records")) {
                String text = r.toString();
                if (ids.stream().noneMatch(text::contains)) {
                    kept.add(r);
                }
            }
            ((ObjectNode) doc).set("Records", kept);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
                JSON.writeValue(out, doc);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.delete(p);
        }
    }
}
