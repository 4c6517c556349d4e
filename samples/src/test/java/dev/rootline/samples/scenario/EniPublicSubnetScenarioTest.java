package dev.rootline.samples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed incident at its sample seed tells the story the blog post tells, with the values it names. */
class EniPublicSubnetScenarioTest {
    private static final String SEED_LINE = "Could not list namespaces for account prd-api-eks-cluster: Failed to read "
            + "[namespace] from : Unable to connect to the server: dial tcp 172.20.101.121:443: i/o timeout";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Expected expected;
    static Ingested ingested;
    /** CloudTrail events of the cause and the herrings, and the seed's log lines; the rest is not kept. */
    static final List<Event> kept = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong gatewayPollsInFirstBurst = new AtomicLong();

    @BeforeAll
    static void writeAndIngest() throws IOException {
        expected = Scenarios.seedIncident().write(dir, Scenarios.SEED_INCIDENT_SEED);
        Set<String> wanted = new HashSet<>(expected.cause().changeEventIds());
        expected.redHerrings().forEach(h -> wanted.addAll(h.eventIds()));
        Instant from = Instant.parse(expected.bursts().get(0).start());
        Instant to = Instant.parse(expected.bursts().get(0).end());
        ingested = Ingested.of(Scenario.evidence(dir), e -> {
            if (wanted.contains(e.attribute("eventID")) || SEED_LINE.equals(e.message())) {
                kept.add(e);
            }
            if (e.message() != null && e.message().startsWith("prd-api-eks-cluster/KubernetesCoreCachingAgent")
                    && !e.time().isBefore(from) && !e.time().isAfter(to)) {
                gatewayPollsInFirstBurst.incrementAndGet();
            }
        });
    }

    @Test
    void failuresRunFromFridayNoonToMondayAfternoonAndFromTuesdayNoonToTheEnd() {
        assertThat(expected.bursts()).hasSize(2);
        Expected.Burst friday = expected.bursts().get(0);
        Expected.Burst tuesday = expected.bursts().get(1);
        assertThat(Instant.parse(friday.start())).isBetween(Instant.parse("2024-10-25T11:45:00Z"), Instant.parse("2024-10-25T12:30:00Z"));
        assertThat(Instant.parse(friday.end())).isBetween(Instant.parse("2024-10-28T14:30:00Z"), Instant.parse("2024-10-28T15:45:00Z"));
        assertThat(Instant.parse(tuesday.start())).isBetween(Instant.parse("2024-10-29T11:45:00Z"), Instant.parse("2024-10-29T12:30:00Z"));
        assertThat(Instant.parse(tuesday.end())).isAfter(Instant.parse("2024-10-30T11:30:00Z"));
    }

    @Test
    void onlyTheMisplacedEniTimesOut() {
        assertThat(expected.bursts()).extracting(Expected.Burst::target).containsOnly("172.20.101.121:443");
        assertThat(ingested.ioTimeoutsByTarget()).containsOnlyKeys("172.20.101.121:443");
    }

    @Test
    void aboutHalfOfTheCallsFailBecauseDnsReturnsBothEnis() {
        double failed = expected.bursts().get(0).count();
        assertThat(failed / gatewayPollsInFirstBurst.get()).isBetween(0.4, 0.6);
    }

    @Test
    void clouddriverLogsTheSeedIncidentsLine() {
        Event line = kept.stream().filter(e -> SEED_LINE.equals(e.message())).findFirst().orElseThrow();
        assertThat(line.source()).isEqualTo(Source.CLOUDDRIVER);
        assertThat(line.level()).isEqualTo(Level.ERROR);
        assertThat(line.logger()).isEqualTo("c.n.s.c.k.s.KubernetesCredentials");
        assertThat(line.attribute("clouddriverAccount")).isEqualTo("prd-api-eks-cluster");
    }

    @Test
    void causeIsEksCreatingEnisInAPublicSubnet() throws IOException {
        assertThat(expected.cause().kind()).isEqualTo(Expected.ENI_IN_UNROUTED_SUBNET);
        Expected.Resources r = expected.cause().resources();
        assertThat(r.cluster()).isEqualTo("prd-gw-eks");
        assertThat(r.missingRouteTo()).isEqualTo("10.50.0.0/16");
        assertThat(r.eniIds()).hasSize(2);
        assertThat(publicSubnets()).containsAll(r.subnetIds());
        for (String id : expected.cause().changeEventIds()) {
            Event create = kept.stream().filter(e -> id.equals(e.attribute("eventID"))).findFirst().orElseThrow();
            assertThat(create.eventName()).isEqualTo("CreateNetworkInterface");
            assertThat(create.attribute("eniDescription")).isEqualTo("Amazon EKS prd-gw-eks");
            assertThat(create.attribute("invokedBy")).isEqualTo("eks.amazonaws.com");
            assertThat(create.ips()).contains("172.20.101.121");
            assertThat(create.resources(ResourceType.ENI)).containsAnyElementsOf(r.eniIds());
        }
    }

    @Test
    void otherClustersEniRecreationComesCloserToTheFirstFailureThanTheCause() {
        Instant firstFailure = Instant.parse(expected.bursts().get(0).start());
        Instant cause = createTime(expected.cause().changeEventIds().get(0));
        Instant herring = expected.redHerrings().stream().flatMap(h -> h.eventIds().stream())
                .map(this::event).filter(e -> "CreateNetworkInterface".equals(e.eventName())
                        && e.resources(ResourceType.CLUSTER).contains("prd-backend-eks"))
                .map(Event::time).filter(t -> t.isBefore(firstFailure)).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(herring, firstFailure)).isLessThan(Duration.between(cause, firstFailure));
    }

    @Test
    void clusterConfigurationListsThePublicSubnets() throws IOException {
        JsonNode cluster = read("eks/describe-cluster-prd-gw-eks.json").get("cluster");
        List<String> subnets = new ArrayList<>();
        cluster.get("resourcesVpcConfig").get("subnetIds").forEach(s -> subnets.add(s.asText()));
        assertThat(subnets).hasSize(4).containsAll(publicSubnets());
        assertThat(cluster.get("resourcesVpcConfig").get("endpointPrivateAccess").asBoolean()).isTrue();
    }

    @Test
    void publicRouteTableHasNoRouteToTheBackendVpc() throws IOException {
        for (JsonNode table : read("ec2/describe-route-tables.json").get("RouteTables")) {
            List<String> destinations = new ArrayList<>();
            table.get("Routes").forEach(route -> destinations.add(route.get("DestinationCidrBlock").asText()));
            if (table.get("RouteTableId").asText().equals(expected.cause().resources().routeTableId())) {
                assertThat(destinations).contains("0.0.0.0/0").doesNotContain("10.50.0.0/16");
            }
        }
    }

    @Test
    void snapshotsAreTakenAtTheEndAndShowTheFinalEnis() throws IOException {
        JsonNode enis = read("ec2/describe-network-interfaces.json");
        assertThat(Instant.parse(enis.get("ObservedAt").asText())).isBetween(Instant.parse("2024-10-30T11:50:00Z"),
                Instant.parse("2024-10-30T12:00:00Z"));
        List<String> controlPlane = new ArrayList<>();
        for (JsonNode eni : enis.get("NetworkInterfaces")) {
            if (eni.get("Description").asText().equals("Amazon EKS prd-gw-eks")) {
                controlPlane.add(eni.get("PrivateIpAddress").asText());
                assertThat(eni.get("RequesterId").asText()).endsWith(":AmazonEKS");
            }
        }
        assertThat(controlPlane).containsExactlyInAnyOrder("172.20.12.39", "172.20.101.121");
    }

    @Test
    void cloudTrailIsOneS3ObjectPerHourWithHundredsOfRecordsAtBusyHours() throws IOException {
        Pattern key = Pattern.compile("AWSLogs/\\d{12}/CloudTrail/us-east-1/2024/1[01]/\\d\\d/\\d{12}_CloudTrail_us-east-1_"
                + "2024\\d{4}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");
        Path evidence = Scenario.evidence(dir);
        try (Stream<Path> files = Files.walk(evidence.resolve("AWSLogs"))) {
            List<String> keys = files.filter(Files::isRegularFile)
                    .map(p -> evidence.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(keys).hasSize(6 * 24).allMatch(k -> key.matcher(k).matches());
        }
        assertThat(ingested.summary().eventsBySource().get("cloudtrail") / 144.0).isGreaterThan(100);
    }

    /** The gateway VPC's public subnets, from describe-subnets. */
    private Set<String> publicSubnets() throws IOException {
        Set<String> out = new HashSet<>();
        for (JsonNode s : read("ec2/describe-subnets.json").get("Subnets")) {
            if (s.get("MapPublicIpOnLaunch").asBoolean() && s.get("CidrBlock").asText().startsWith("172.20.")) {
                out.add(s.get("SubnetId").asText());
            }
        }
        assertThat(out).hasSize(2);
        return out;
    }

    private Instant createTime(String eventId) {
        return event(eventId).time();
    }

    private Event event(String eventId) {
        return kept.stream().filter(e -> eventId.equals(e.attribute("eventID"))).findFirst().orElseThrow();
    }

    private static JsonNode read(String relative) throws IOException {
        return JSON.readTree(Scenario.evidence(dir).resolve(relative).toFile());
    }
}
