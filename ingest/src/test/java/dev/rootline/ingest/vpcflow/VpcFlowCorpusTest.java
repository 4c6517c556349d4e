package dev.rootline.ingest.vpcflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.SharedCorpus;
import dev.rootline.ingest.json.JsonRecordReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real flow logs of {@code shared/corpus/vpcflow}, and Elastic's own expected output for four of them. */
class VpcFlowCorpusTest {
    private static final String DIR = "vpcflow/";
    private static final List<String> ELASTIC = List.of("elastic_test-extra-samples.log", "elastic_test-v5-all-fields.log",
            "elastic_test-v8-samples.log", "elastic_test-with-message-field.log");

    private static RecordingContext corpus(String name) throws IOException {
        return RecordingContext.parse(new VpcFlowLogParser(), SharedCorpus.file(DIR + name));
    }

    private static List<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve(DIR))) {
            return files.filter(f -> !f.getFileName().toString().endsWith("-expected.json")).sorted().toList();
        }
    }

    @Test
    void everyRecordOfEveryFileIsIngestedOrRejectedWithAReason() throws IOException {
        ParserRegistry registry = ParserRegistry.defaults();
        List<Path> inputs = inputs();
        assertThat(inputs).hasSize(12);
        for (Path f : inputs) {
            assertThat(registry.detect(new InputFile(f)).map(EventParser::name)).as(f.toString()).hasValue("vpcflow");
            RecordingContext ctx = RecordingContext.parse(new VpcFlowLogParser(), f);
            long records = Files.readAllLines(f).stream()
                    .filter(l -> !l.isBlank() && !FlowFormat.isHeader(FlowLine.split(l))).count();
            assertThat(ctx.events.size() + ctx.rejects().size()).as(f.toString()).isEqualTo(records);
            assertThat(ctx.diagnostics).as(f.toString()).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
            System.out.println("corpus vpcflow: " + f.getFileName() + " -> " + ctx.events.size() + " events, "
                    + ctx.diagnostics.size() + " diagnostics");
        }
    }

    @Test
    void awsDocsExamplesAllReadCleanly() throws IOException {
        assertThat(corpus("awsdocs-vpc_flow-log-examples_default-v2.log").events).hasSize(7);
        RecordingContext tcp = corpus("awsdocs-vpc_flow-log-examples_tcp-flag-sequence-v3.log");
        assertThat(tcp.diagnostics).isEmpty();
        assertThat(tcp.events).hasSize(8);
        // the record with a double space reads like its neighbours
        Event doubleSpaced = tcp.events.get(7);
        assertThat(doubleSpaced.attributes()).containsEntry("dstport", "43638").containsEntry("pkt-srcaddr", "10.0.0.62")
                .containsEntry("tcp-flags", "19").containsEntry("bytes", "967");
        assertThat(corpus("awsdocs-vpc_flow-log-examples_transit-gateway-v3.log").events).hasSize(4)
                .allSatisfy(e -> assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-abcdefab012345678"));
        RecordingContext path = corpus("awsdocs-vpc_flow-log-examples_traffic-path-v5.log");
        assertThat(path.diagnostics).isEmpty();
        assertThat(path.events).extracting(e -> e.attribute("flow-direction")).containsExactly("ingress", "egress");
        assertThat(path.events.get(1).attribute("traffic-path")).isEqualTo("8");
        assertThat(path.events.get(0).region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void natGatewayHeaderWithoutVersionOrTimesIsReadWithOneWarning() throws IOException {
        RecordingContext ctx = corpus("awsdocs-vpc_flow-log-examples_nat-gateway.log");
        assertThat(ctx.rejects()).isEmpty();
        assertThat(ctx.warnings()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(1));
        assertThat(ctx.events).hasSize(6).allSatisfy(e -> assertThat(e.time()).isNull());
        assertThat(ctx.events.get(0).ips()).containsExactly("10.0.1.5", "10.0.0.220", "203.0.113.5");
    }

    @Test
    void aRecordFromS3AndFromACloudWatchSubscriptionGetOneId() throws IOException {
        Event s3 = corpus("ktranslate_aws-go_v2-default-with-header.log").events.get(5);
        Event subscription = corpus("ktranslate_aws-go_cwl-kinesis-logEvent-extractedFields.json").events.get(0);
        assertThat(subscription.id()).isEqualTo(s3.id());
        assertThat(s3.provenance().path()).isNotEqualTo(subscription.provenance().path());
        // and the AWS docs' records that Elastic's test file repeats
        List<String> docs = corpus("awsdocs-vpc_flow-log-examples_default-v2.log").events.stream().map(Event::id).toList();
        assertThat(corpus("elastic_test-extra-samples.log").events).extracting(Event::id).filteredOn(docs::contains).hasSize(5);
    }

    @Test
    void extractedFieldsOfTheSubscriptionEventMatchOurs() throws IOException {
        Path f = SharedCorpus.file(DIR + "ktranslate_aws-go_cwl-kinesis-logEvent-extractedFields.json");
        JsonNode x = JsonRecordReader.MAPPER.readTree(f.toFile()).path("extractedFields");
        Event e = corpus(f.getFileName().toString()).events.get(0);
        for (String field : List.of("srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "action")) {
            assertThat(e.attribute(field)).as(field).isEqualTo(x.path(field).asText());
        }
        assertThat(e.attribute("logStatus")).isEqualTo(x.path("log_status").asText());
        assertThat(e.account()).isEqualTo(x.path("account_id").asText());
        assertThat(e.resources(ResourceType.ENI)).containsExactly(x.path("interface_id").asText());
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(x.path("start").asLong()));
    }

    /**
     * Field by field against Elastic's ingest pipeline. Elastic's quirks (PROVENANCE.md, vpcflow): its
     * {@code @timestamp} is the window's end, our time its start, which Elastic has as {@code event.start}; a
     * 9-digit start (a typo in its test) is 1975 for both; it writes {@code -} as a region where we write none.
     */
    @Test
    void elasticPairsMatchFieldByField() throws IOException {
        int compared = 0;
        for (String name : ELASTIC) {
            Path expectedFile = SharedCorpus.file(DIR + name + "-expected.json");
            JsonNode expected = JsonRecordReader.MAPPER.readTree(expectedFile.toFile()).path("expected");
            RecordingContext ctx = corpus(name);
            assertThat(ctx.rejects()).as(name).isEmpty();
            assertThat(ctx.events).as(name).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                matches(ctx.events.get(i), expected.get(i), name + " #" + i);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(10);
    }

    @Test
    void elasticsNineDigitStartIsWarnedAbout() throws IOException {
        RecordingContext ctx = corpus("elastic_test-v5-all-fields.log");
        assertThat(ctx.events.get(0).time()).isEqualTo("1975-03-14T03:34:26Z");
        assertThat(ctx.warnings()).extracting(Diagnostic::category)
                .containsExactly("aggregation window reversed or longer than a day");
    }

    private static void matches(Event e, JsonNode x, String what) {
        JsonNode flow = x.path("aws").path("vpcflow");
        assertThat(e.raw()).as(what + " raw").isEqualTo(x.path("event").path("original").asText());
        assertThat(e.time()).as(what + " time").isEqualTo(Instant.parse(x.path("event").path("start").asText()));
        assertThat(e.attribute("end")).as(what + " end").isEqualTo(Instant.parse(x.path("@timestamp").asText()).toString());
        assertThat(e.attribute("srcaddr")).as(what + " srcaddr").isEqualTo(text(x.path("source").path("address")));
        assertThat(e.attribute("dstaddr")).as(what + " dstaddr").isEqualTo(text(x.path("destination").path("address")));
        assertThat(e.attribute("srcport")).as(what + " srcport").isEqualTo(text(x.path("source").path("port")));
        assertThat(e.attribute("dstport")).as(what + " dstport").isEqualTo(text(x.path("destination").path("port")));
        assertThat(e.attribute("protocol")).as(what + " protocol").isEqualTo(text(x.path("network").path("iana_number")));
        if (x.path("network").has("transport")) {
            assertThat(e.attribute("protocolName")).as(what + " transport").isEqualTo(text(x.path("network").path("transport")));
        }
        assertThat(e.attribute("action")).as(what + " action").isEqualTo(text(flow.path("action")));
        assertThat(e.attribute("bytes")).as(what + " bytes").isEqualTo(text(x.path("network").path("bytes")));
        assertThat(e.attribute("packets")).as(what + " packets").isEqualTo(text(x.path("network").path("packets")));
        assertThat(e.attribute("logStatus")).as(what + " log_status").isEqualTo(text(flow.path("log_status")));
        assertThat(e.resources(ResourceType.ENI)).as(what + " interface").containsExactlyElementsOf(list(flow.path("interface_id")));
        assertThat(e.resources(ResourceType.VPC)).as(what + " vpc").containsExactlyElementsOf(list(flow.path("vpc_id")));
        assertThat(e.resources(ResourceType.SUBNET)).as(what + " subnet").containsExactlyElementsOf(list(flow.path("subnet_id")));
        assertThat(e.resources(ResourceType.INSTANCE)).as(what + " instance").containsExactlyElementsOf(list(flow.path("instance_id")));
        assertThat(e.account()).as(what + " account").isEqualTo(text(flow.path("account_id")));
        String region = text(x.path("cloud").path("region"));
        assertThat(e.region()).as(what + " region").isEqualTo("-".equals(region) ? null : region);
        assertThat(e.attribute("pkt-srcaddr")).as(what + " pkt_srcaddr").isEqualTo(text(flow.path("pkt_srcaddr")));
        assertThat(e.attribute("pkt-dst-aws-service")).as(what + " pkt_dst_service").isEqualTo(text(flow.path("pkt_dst_service")));
        assertThat(e.attribute("tcp-flags")).as(what + " tcp_flags").isEqualTo(text(flow.path("tcp_flags")));
        assertThat(e.attribute("flow-direction")).as(what + " direction").isEqualTo(text(x.path("network").path("direction")));
        assertThat(e.attribute("ecs-task-id")).as(what + " ecs_task_id").isEqualTo(text(flow.path("ecs_task_id")));
        assertThat(e.attribute("reject-reason")).as(what + " reason").isEqualTo(text(x.path("event").path("reason")));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static List<String> list(JsonNode n) {
        return n.isMissingNode() ? List.of() : List.of(n.asText());
    }
}
