package dev.rootline.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailParserTest {
    private final CloudTrailParser parser = new CloudTrailParser();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CloudTrailParserTest.class.getResource(name).toURI());
    }

    @Test
    void eksControlPlaneEniCreateNamesEniSubnetVpcIpAndCluster() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("eks-eni-create.json"));
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(1);
        Event e = ctx.events.get(0);
        assertThat(e.eventName()).isEqualTo("CreateNetworkInterface");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-25T16:02:11Z"));
        assertThat(e.resources(ResourceType.ENI)).containsExactly("eni-0f1e2d3c4b5a69788");
        assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-0a1b2c3d4e5f60718");
        assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-0aaaabbbbccccdddd");
        assertThat(e.resources(ResourceType.SECURITY_GROUP)).containsExactly("sg-0123456789abcdef0");
        assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("prd-gw-eks");
        assertThat(e.ips()).containsExactly("172.20.101.121");
        assertThat(e.actor()).isEqualTo("eks.amazonaws.com");
        assertThat(e.account()).isEqualTo("111122223333");
        assertThat(e.attribute("requesterId")).isEqualTo("036434770000");
        assertThat(e.attribute("eniDescription")).isEqualTo("Amazon EKS prd-gw-eks");
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.provenance().offset()).isEqualTo(12);
    }

    @Test
    void malformedLineIsRejectedAndTheRestKept() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("mixed-lines.jsonl"));
        assertThat(ctx.events).extracting(Event::eventName).containsExactly("RevokeSecurityGroupIngress", "DeleteRoute");
        assertThat(ctx.rejects()).hasSize(2);
        assertThat(ctx.rejects().get(0).reason()).startsWith("malformed JSON");
        assertThat(ctx.rejects().get(0).offset()).isGreaterThan(0);
        assertThat(ctx.rejects().get(1).reason()).contains("not a CloudTrail record");
    }

    @Test
    void errorCodeAndMessageAreKept() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("mixed-lines.jsonl")).events.get(1);
        assertThat(e.errors()).containsExactly("Client.UnauthorizedOperation");
        assertThat(e.message()).isEqualTo("You are not authorized to perform this operation.");
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.resources(ResourceType.ROUTE_TABLE)).containsExactly("rtb-0123456789abcdef0");
    }

    @Test
    void sameRecordPrettyOrAsJsonLineGetsOneId() throws Exception {
        Event line = RecordingContext.parse(parser, fixture("mixed-lines.jsonl")).events.get(0);
        Event pretty = RecordingContext.parse(parser, fixture("same-record-pretty.json")).events.get(0);
        assertThat(pretty.id()).isEqualTo(line.id());
    }

    @Test
    void aLogstashReExportKeepsTheRecordsId(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String record = java.nio.file.Files.readAllLines(fixture("mixed-lines.jsonl")).get(0);
        Event original = RecordingContext.parse(parser, fixture("mixed-lines.jsonl")).events.get(0);
        // as Logstash writes it back out: its own fields around the record's
        String exported = "{\"@timestamp\":\"2024-10-25T16:02:11.000Z\",\"@version\":\"1\",\"tags\":[\"cloudtrail\"],"
                + "\"host\":{\"name\":\"shipper-1\"}," + record.trim().substring(1);
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("export.jsonl"), exported + "\n");
        Event reExported = RecordingContext.parse(parser, file).events.get(0);
        assertThat(reExported.id()).isEqualTo(original.id());
    }

    @Test
    void differentRecordsSharingAnEventIdBothStay() throws Exception {
        // every record in this real scenario has eventID "1"
        RecordingContext ctx = RecordingContext.parse(parser,
                SharedCorpus.file("cloudtrail/panther_scenario_compromised_root_attacker.json"));
        assertThat(ctx.events).hasSize(12);
        assertThat(ctx.events.stream().map(Event::id).distinct()).hasSize(12);
    }

    @Test
    void gzipIsReadByContentNotName() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser,
                SharedCorpus.file("cloudtrail/panther_scenario_compromised_root_attacker.json.gz"));
        RecordingContext plain = RecordingContext.parse(parser,
                SharedCorpus.file("cloudtrail/panther_scenario_compromised_root_attacker.json"));
        assertThat(ctx.events).extracting(Event::id).containsExactlyElementsOf(plain.events.stream().map(Event::id).toList());
    }

    @Test
    void truncatedGzipKeepsEveryRecordBeforeTheDamage(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"eventID\":\"id-").append(i)
                    .append("\",\"eventName\":\"DescribeInstances\",\"eventSource\":\"ec2.amazonaws.com\",\"eventTime\":\"2024-10-25T10:00:00Z\",\"recipientAccountId\":\"1\",\"pad\":\"")
                    .append(Integer.toHexString(i * 7919)).append("\"}");
        }
        json.append("]}");
        Path gz = dir.resolve("trail.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(gz);
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        RecordingContext ctx = new RecordingContext(new InputFile(cut), java.time.ZoneOffset.UTC);
        try {
            parser.parse(ctx.file(), ctx);
            org.junit.jupiter.api.Assertions.fail("a truncated gzip must be reported");
        } catch (IOException expected) {
            assertThat(expected).isInstanceOf(java.io.EOFException.class);
        }
        assertThat(ctx.events.size()).isBetween(100, 1999);
        for (int i = 0; i < ctx.events.size(); i++) {
            assertThat(ctx.events.get(i).attribute("eventID")).isEqualTo("id-" + i);
        }
    }

    @Test
    void plasoLookupEventsGivesSixEventsFirstDescribeInstances() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("cloudtrail/plaso_aws_cloudtrail_lookupevents.jsonl"));
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(6);
        Event first = ctx.events.get(0);
        assertThat(first.eventName()).isEqualTo("DescribeInstances");
        assertThat(first.eventSource()).isEqualTo("ec2.amazonaws.com");
        assertThat(first.time()).isEqualTo(Instant.parse("2022-02-07T22:23:37Z"));
        assertThat(first.ips()).containsExactly("1.2.3.4");
        assertThat(first.actor()).isEqualTo("arn:aws:iam::012345678901:user/fakeusername");
        assertThat(first.attribute("userName")).isEqualTo("fakeusername");
    }

    @Test
    void lookupEventsWithCloudTrailEventAsObject() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser,
                SharedCorpus.file("cloudtrail/eks_invokedBy_CreateLoadBalancer_CloudTrailEvent_as_object.json"));
        assertThat(ctx.rejects()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.eventName()).isEqualTo("CreateLoadBalancer");
            assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-014562146fbd5d9f8", "subnet-0aa7b262baef75b27");
        });
    }

    @Test
    void awsCliLookupEventsUsesInnerEventTime() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("cloudtrail/awscli_cloudtrail_lookup-events_ex1.json"));
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.eventName()).isEqualTo("ConsoleLogin");
            assertThat(e.time()).isEqualTo(Instant.parse("2016-01-26T21:42:12Z"));
        });
    }

    @Test
    void digestFileIsSkippedNotRejected() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("cloudtrail/elastic_test-cloudtrail-digest-json.log"));
        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).isEmpty();
        assertThat(ctx.skipped()).isTrue();
    }

    @Test
    void logstashRenamedEventTimeIsReadFromAtTimestamp() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("cloudtrail/otrf_ec2_proxy_s3_exfiltration.jsonl"));
        assertThat(ctx.events).hasSize(103);
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).allSatisfy(e -> assertThat(e.time()).isNotNull());
    }

    @Test
    void recordsWithoutUsableTimeAreKeptWithAWarning() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("cloudtrail/panther_cloudtrail_rule_tests.json"));
        assertThat(ctx.events).hasSize(453);
        assertThat(ctx.rejects()).isEmpty();
        long untimed = ctx.events.stream().filter(e -> e.time() == null).count();
        assertThat(untimed).isEqualTo(17); // 15 missing, "redacted" and "..."
        assertThat(ctx.warnings()).hasSize(17 + 2);
    }

    @Test
    void elasticPairsMatchTheirExpectedTimeActionOutcomeAccountRegionUser() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String name : List.of("elastic_test-user-authentication.log", "elastic_test-us-gov-arn.log",
                "elastic_test-copy-object-json-minimal.log")) {
            RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("cloudtrail/" + name));
            JsonNode expected = json.readTree(SharedCorpus.file("cloudtrail/" + name + "-expected.json").toFile()).get("expected");
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode doc : expected) {
                if (!doc.has("event") || !doc.path("event").has("action")) {
                    continue; // Elastic's empty document for the trailing blank line
                }
                Event e = ctx.events.get(i++);
                assertThat(e.time()).as(name).isEqualTo(Instant.parse(doc.path("@timestamp").asText()));
                assertThat(e.eventName()).as(name).isEqualTo(doc.path("event").path("action").asText());
                assertThat(e.errors().isEmpty() ? "success" : "failure").as(name)
                        .isEqualTo(doc.path("event").path("outcome").asText());
                assertThat(e.account()).as(name).isEqualTo(doc.path("cloud").path("account").path("id").asText());
                assertThat(e.region()).as(name).isEqualTo(doc.path("cloud").path("region").asText());
                assertThat(e.attribute("userName")).as(name).isEqualTo(doc.path("user").path("name").asText());
                seen.add(name);
            }
            assertThat(ctx.events).as(name).hasSize(i);
            assertThat(seen).contains(name);
        }
    }

    @Test
    void sniffPrefersCloudTrailShapesAndIgnoresOthers() throws Exception {
        assertThat(parser.sniff(new InputFile(fixture("eks-eni-create.json")))).isGreaterThanOrEqualTo(90);
        assertThat(parser.sniff(new InputFile(SharedCorpus.file("ec2/awscli_ec2_describe-subnets_ex2.json")))).isZero();
        assertThat(parser.sniff(new InputFile(SharedCorpus.file("clouddriver/gh-spinnaker-5057_debug_job_and_could_not_list_namespaces.log")))).isZero();
    }
}
