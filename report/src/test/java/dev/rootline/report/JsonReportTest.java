package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {
    private static JsonNode json;

    @BeforeAll
    static void write() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(SeedFindings.incident(), out);
        json = new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void hasSchemaVersionOneAndTheWindow() {
        assertThat(json.get("schemaVersion").isInt()).isTrue();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/window/from").asText()).isEqualTo("2024-10-24T00:00:00Z");
        assertThat(json.at("/window/to").asText()).isEqualTo("2024-10-30T12:00:00Z");
    }

    @Test
    void countsEventsPerSource() {
        assertThat(json.at("/sources/clouddriver").isIntegralNumber()).isTrue();
        assertThat(json.at("/sources/clouddriver").asLong()).isEqualTo(220_301L);
    }

    @Test
    void burstsCarryEverySchemaField() {
        JsonNode b = json.at("/bursts/0");
        assertThat(fieldNames(b)).contains("id", "signature", "target", "start", "end", "count", "clients");
        assertThat(b.get("id").asText()).isEqualTo("b1");
        assertThat(b.get("signature").asText()).isEqualTo("io_timeout");
        assertThat(b.get("target").asText()).isEqualTo("172.20.101.121:443");
        assertThat(b.get("count").isIntegralNumber()).isTrue();
        assertThat(b.get("clients").isArray()).isTrue();
        assertThat(b.get("clients").get(0).asText()).isEqualTo("prd-api-eks-cluster");
    }

    @Test
    void eniEventsCarryEverySchemaField() {
        assertThat(json.get("eniEvents")).hasSize(8);
        JsonNode e = json.at("/eniEvents/3");
        assertThat(fieldNames(e)).containsExactly("time", "action", "eniId", "cluster", "subnetId", "subnetClass",
                "privateIp", "eventId");
        assertThat(e.get("action").asText()).isEqualTo("create");
        assertThat(e.get("subnetClass").asText()).isEqualTo("public");
        assertThat(e.get("cluster").asText()).isEqualTo("prd-gw-eks");
    }

    @Test
    void hypothesesCarryEverySchemaField() {
        JsonNode h = json.at("/hypotheses/0");
        assertThat(fieldNames(h)).contains("rank", "kind", "score", "title", "summary", "resources", "bursts",
                "evidence", "counterEvidence");
        assertThat(h.get("rank").asInt()).isEqualTo(1);
        assertThat(h.get("kind").asText()).isEqualTo("ENI_IN_UNROUTED_SUBNET");
        assertThat(h.get("score").isFloatingPointNumber()).isTrue();
        assertThat(h.at("/resources/cluster").asText()).isEqualTo("prd-gw-eks");
        assertThat(h.at("/resources/eniIds").isArray()).isTrue();
        assertThat(h.at("/resources/routeTableId").asText()).isEqualTo("rtb-0a7c2e91");
        assertThat(h.at("/resources/missingRouteTo").asText()).isEqualTo("10.50.0.0/16");
        assertThat(h.at("/bursts/0").asText()).isEqualTo("b1");
    }

    @Test
    void evidenceEntriesCarryIdTimeSourceAndText() {
        JsonNode e = json.at("/hypotheses/0/evidence/0");
        assertThat(fieldNames(e)).startsWith("eventId", "time", "source", "text");
        assertThat(e.get("eventId").asText()).isEqualTo("ct-create-0003");
        assertThat(e.get("source").asText()).isEqualTo("cloudtrail");
        assertThat(e.get("text").asText()).startsWith("CreateNetworkInterface");
        assertThat(json.at("/hypotheses/1/counterEvidence/0/eventId").asText()).isEqualTo("cd-ok-39");
    }

    @Test
    void everyTimeIsIsoUtcWithZ() {
        List<String> times = new ArrayList<>();
        json.findValues("time").stream().filter(n -> !n.isNull()).forEach(n -> times.add(n.asText()));
        json.findValues("start").forEach(n -> times.add(n.asText()));
        json.findValues("end").forEach(n -> times.add(n.asText()));
        assertThat(times).isNotEmpty().allSatisfy(t -> {
            assertThat(t).endsWith("Z");
            assertThat(Instant.parse(t)).isNotNull();
        });
    }

    @Test
    void addsAssociationAndPathChecksWithoutRenamingSchemaFields() {
        assertThat(json.at("/hypotheses/0/association/pValue").asDouble()).isEqualTo(2.1e-12);
        assertThat(json.at("/hypotheses/1/association").isMissingNode()).isTrue();
        assertThat(json.at("/pathChecks/0/verdict").asText()).isEqualTo("blocked");
        assertThat(json.at("/pathChecks/0/hops/5/ok").asBoolean(true)).isFalse();
        assertThat(json.at("/pathChecks/0/hops/4/ok").isNull()).isTrue();
    }

    @Test
    void citesAMissingEventByIdAlone() {
        JsonNode missing = json.at("/hypotheses/1/counterEvidence/1");
        assertThat(missing.get("eventId").asText()).isEqualTo("missing-id");
        assertThat(missing.get("time").isNull()).isTrue();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
