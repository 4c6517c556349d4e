package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.timeline.audit.Audit;
import dev.rootline.timeline.audit.AuditKind;
import dev.rootline.timeline.audit.ClusterAudit;
import dev.rootline.timeline.audit.LatentRisk;
import dev.rootline.timeline.audit.SubnetAudit;
import dev.rootline.timeline.findings.PathCheck;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditWriterTest {
    /** A cluster name and a subnet id as an attacker could write them into a describe-cluster output. */
    private static final String EVIL_CLUSTER = "gw<script>alert(1)</script>";
    private static final String EVIL_SUBNET = "subnet-\"><img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    private static Audit audit() {
        PathCheck blocked = new PathCheck("audit", Instant.EPOCH, null, "10.50.0.0/16", "blocked", List.of(
                new PathCheck.Hop("eni", null, null, "a new control-plane ENI", null),
                new PathCheck.Hop("subnet", EVIL_SUBNET, null, EVIL_SUBNET + " is public", null),
                new PathCheck.Hop("route-back", "rtb-pub", false, "rtb-pub has no route to 10.50.0.0/16 <b>", null)));
        PathCheck fine = new PathCheck("audit", Instant.EPOCH, null, "10.50.0.0/16", "reachable",
                List.of(new PathCheck.Hop("route-back", "rtb-priv", true, "ok", null)));
        ClusterAudit c = new ClusterAudit(EVIL_CLUSTER, "vpc-gw", List.of("10.50.0.0/16"), List.of("sg-1"), List.of(
                new SubnetAudit("subnet-priv", "private", "rtb-priv", true, null, null, fine),
                new SubnetAudit(EVIL_SUBNET, "public", "rtb-pub", false, "route-back", "10.50.0.0/16", blocked)));
        LatentRisk r = new LatentRisk(AuditKind.LATENT_UNROUTED_SUBNET, EVIL_CLUSTER, EVIL_SUBNET, "rtb-pub", "10.50.0.0/16",
                "10.50.0.0/16", "rtb-pub", List.of("eni-1"), "aws eks update-cluster-config --name x --resources-vpc-config subnetIds=subnet-priv");
        return new Audit(Instant.parse("2024-10-30T12:00:00Z"), List.of("10.50.0.0/16"), true, 443, List.of(c), List.of(r));
    }

    @Test
    void htmlShowsTheRisksAndSubnetsEscaped() throws Exception {
        AuditWriter.write(audit(), dir, EnumSet.of(ReportFormat.HTML));
        Document html = Jsoup.parse(Files.readString(dir.resolve("audit.html")));
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("table#risks tbody tr")).hasSize(1);
        var cells = html.select("table#risks tbody tr td");
        assertThat(cells.get(1).text()).isEqualTo(EVIL_CLUSTER);
        assertThat(cells.get(2).text()).isEqualTo(EVIL_SUBNET);
        assertThat(cells.get(5).text()).isEqualTo("rtb-pub");
        assertThat(cells.get(6).text()).isEqualTo("eni-1");
        var subnets = html.select("table.subnets tbody tr");
        assertThat(subnets).hasSize(2);
        assertThat(subnets.get(1).select("td").get(3).text()).isEqualTo("no");
        assertThat(subnets.get(1).select("td").get(6).text()).isEqualTo("rtb-pub has no route to 10.50.0.0/16 <b>");
        assertThat(Files.exists(dir.resolve("audit.json"))).isFalse();
    }

    @Test
    void jsonHoldsTheSchemaFields() throws Exception {
        AuditWriter.write(audit(), dir, EnumSet.of(ReportFormat.JSON, ReportFormat.MD));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("audit.json").toFile());
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.get("at").asText()).isEqualTo("2024-10-30T12:00:00Z");
        JsonNode s = j.get("clusters").get(0).get("subnets").get(1);
        assertThat(s.get("class").asText()).isEqualTo("public");
        assertThat(s.get("reachable").asBoolean()).isFalse();
        assertThat(s.get("blockedAt").asText()).isEqualTo("route-back");
        assertThat(s.get("missingRouteTo").asText()).isEqualTo("10.50.0.0/16");
        JsonNode r = j.get("risks").get(0);
        assertThat(r.get("kind").asText()).isEqualTo("LATENT_UNROUTED_SUBNET");
        assertThat(r.get("enisNow").get(0).asText()).isEqualTo("eni-1");
        assertThat(r.get("fix").asText()).startsWith("aws eks update-cluster-config");
        assertThat(Files.readString(dir.resolve("audit.md"))).doesNotContain("<script>").contains("\\<script\\>");
    }

    @Test
    void pdfIsNoAuditFormat() {
        assertThatThrownBy(() -> AuditWriter.write(audit(), dir, EnumSet.of(ReportFormat.PDF)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
