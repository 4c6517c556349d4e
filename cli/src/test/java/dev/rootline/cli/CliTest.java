package dev.rootline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    @TempDir
    Path dir;
    Path evidence;
    String index;

    private static final String TRAIL = """
            {"Records":[
            {"eventID":"a1","recipientAccountId":"111122223333","eventTime":"2024-10-25T16:02:11Z","eventSource":"ec2.amazonaws.com","eventName":"CreateNetworkInterface","awsRegion":"us-east-1","userIdentity":{"type":"AWSService","invokedBy":"eks.amazonaws.com"},"requestParameters":{"subnetId":"subnet-0a1b2c3d4e5f60718","description":"Amazon EKS prd-gw-eks"},"responseElements":{"networkInterface":{"networkInterfaceId":"eni-0f1e2d3c4b5a69788","subnetId":"subnet-0a1b2c3d4e5f60718","privateIpAddress":"172.20.101.121","description":"Amazon EKS prd-gw-eks"}}},
            {"eventID":"a2","recipientAccountId":"111122223333","eventTime":"2024-10-25T16:03:00+02:00","eventSource":"ec2.amazonaws.com","eventName":"DescribeVpcs","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7"}
            ]}
            """;

    @BeforeEach
    void evidence() throws IOException {
        evidence = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(evidence.resolve("trail.json"), TRAIL);
        index = dir.resolve("idx").toString();
    }

    @Test
    void ingestPrintsASummaryAndSearchCountsExactly() {
        Cli ingest = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(ingest.exit).as(ingest.toString()).isZero();
        assertThat(ingest.err).contains("ingested 2 events from 1 of 1 files").contains("cloudtrail");
        assertThat(Cli.run("search", "--index", index, "--count", "eventName:CreateNetworkInterface").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "ip:172.20.101.121").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "cluster:prd-gw-eks").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "eventID:a2").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "a2").count()).as("unqualified eventID").isEqualTo(1);
    }

    @Test
    void aSearchWithoutHitsSaysSoOnStandardErrorOnly() {
        Cli.run("ingest", "--index", index, evidence.toString());
        for (String format : new String[] {"table", "json", "csv"}) {
            Cli none = Cli.run("search", "--index", index, "--format", format, "eventName:NoSuchCall");
            assertThat(none.exit).isZero();
            assertThat(none.out).isEmpty();
            assertThat(none.err).isEqualTo("rootline: 0 matching events for 'eventName:NoSuchCall' (the index holds 2)\n");
        }
        Cli window = Cli.run("search", "--index", index, "--from", "2030-01-01T00:00:00Z", "eventName:DescribeVpcs");
        assertThat(window.err).contains("0 matching events for 'eventName:DescribeVpcs' from 2030-01-01T00:00:00Z to the end");
        assertThat(Cli.run("search", "--index", index, "eventName:DescribeVpcs").err).isEmpty();
    }

    @Test
    void reIngestingChangesNoCount() {
        Cli.run("ingest", "--index", index, evidence.toString());
        Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(2);
    }

    @Test
    void fromAndToHonourOffsetsAndZ() {
        Cli.run("ingest", "--index", index, evidence.toString());
        // a2 happened at 14:03Z (16:03+02:00); a1 at 16:02:11Z
        assertThat(Cli.run("search", "--index", index, "--count", "--from", "2024-10-25T14:00:00Z", "--to", "2024-10-25T16:00:00+00:00").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "--from", "2024-10-25T18:00:00+02:00").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "--to", "2024-10-25T16:02:11Z").count()).isEqualTo(1);
    }

    @Test
    void jsonOutputIsOneObjectPerEventWithRaw() throws IOException {
        Cli.run("ingest", "--index", index, evidence.toString());
        Cli search = Cli.run("search", "--index", index, "--format", "json", "");
        List<String> lines = search.out.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("eventName").asText()).isEqualTo("DescribeVpcs");
        assertThat(first.get("time").asText()).isEqualTo("2024-10-25T14:03:00Z");
        assertThat(first.get("source").asText()).isEqualTo("cloudtrail");
        assertThat(new ObjectMapper().readTree(first.get("raw").asText()).get("eventID").asText()).isEqualTo("a2");
    }

    @Test
    void csvOutputParsesBack() throws IOException {
        Cli.run("ingest", "--index", index, evidence.toString());
        Cli search = Cli.run("search", "--index", index, "--format", "csv", "eni:eni-0f1e2d3c4b5a69788");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(search.out)).getRecords();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("eventName")).isEqualTo("CreateNetworkInterface");
            assertThat(r.get("subnet")).isEqualTo("subnet-0a1b2c3d4e5f60718");
            assertThat(r.get("cluster")).isEqualTo("prd-gw-eks");
        });
    }

    @Test
    void tableShowsTheZone() {
        Cli.run("ingest", "--index", index, evidence.toString());
        Cli search = Cli.run("search", "--index", index, "--display-timezone", "Europe/Berlin", "eventName:DescribeVpcs");
        assertThat(search.out).contains("2024-10-25 16:03:00.000 +02:00").contains("DescribeVpcs");
    }

    @Test
    void timelineCountsPerSource() {
        Cli.run("ingest", "--index", index, evidence.toString());
        Cli t = Cli.run("timeline", "--index", index, "--bucket", "1h", "--format", "csv");
        assertThat(t.exit).isZero();
        assertThat(t.out.lines().toList()).containsExactly("bucketStart,total,cloudtrail",
                "2024-10-25T14:00:00Z,1,1", "2024-10-25T15:00:00Z,0,0", "2024-10-25T16:00:00Z,1,1");
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String[] cmd : new String[][] {{"ingest"}, {"search"}, {"timeline"}, {"investigate"}, {"demo"}, {"generate"},
                {"bench"}, {"pull"}, {"pull", "ec2"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Cli help = Cli.run(args);
            assertThat(help.exit).as(String.join(" ", args)).isZero();
            assertThat(help.out).as(String.join(" ", args)).contains("Usage: rootline " + String.join(" ", cmd)).contains("--help");
        }
    }

    @Test
    void badQueryIsOneLineAndExitOne() {
        Cli.run("ingest", "--index", index, evidence.toString());
        Cli bad = Cli.run("search", "--index", index, "error:(io_timeout");
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err.lines().count()).isEqualTo(1);
        assertThat(bad.err).startsWith("rootline: bad query").doesNotContain("Exception");
    }

    @Test
    void missingPathAndMissingIndexAreUserErrors() {
        Cli missing = Cli.run("ingest", "--index", index, dir.resolve("nope").toString());
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("no such file or folder");
        Cli noIndex = Cli.run("search", "--index", dir.resolve("none").toString(), "x");
        assertThat(noIndex.exit).isEqualTo(1);
        assertThat(noIndex.err).contains("run 'rootline ingest");
    }

    @Test
    void strictFailsOnRejectsAndRejectsAreLogged() throws IOException {
        Files.writeString(evidence.resolve("broken.jsonl"), "{\"eventName\":\"X\",\"eventSource\":\"s\",\"eventVersion\":\"1\"}\n{broken\n");
        assertThat(Cli.run("ingest", "--index", index, evidence.toString()).exit).isZero();
        Cli strict = Cli.run("ingest", "--index", index, "--strict", evidence.toString());
        assertThat(strict.exit).isEqualTo(1);
        List<String> rejects = Files.readAllLines(Path.of(index, "rejects.jsonl"));
        assertThat(rejects).isNotEmpty().allSatisfy(l -> assertThat(l).contains("broken.jsonl").contains("\"offset\":"));
    }

    @Test
    void nothingReadableIsExitOne() throws IOException {
        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.writeString(junk.resolve("a.csv"), "x,y\n1,2\n");
        assertThat(Cli.run("ingest", "--index", index, junk.toString()).exit).isEqualTo(1);
    }

    @Test
    void unknownTypeIsAUsageError() {
        Cli c = Cli.run("ingest", "--index", index, "--type", "syslog", evidence.toString());
        assertThat(c.exit).isEqualTo(1);
        assertThat(c.err).contains("unknown --type syslog");
    }

    @Test
    void headerlessFlowRecordsOfACustomFormatReadWithFlowFormat() throws IOException {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        // a CloudWatch export of a custom format: no header line, and a field count no version has
        Files.writeString(flows.resolve("eni-0a1.log"), """
                1730000000 1730000060 10.0.1.25 10.0.2.40 443 6 REJECT OK
                1730000000 1730000060 10.0.1.26 10.0.2.40 443 6 ACCEPT OK
                """);
        String format = "${start} ${end} ${srcaddr} ${dstaddr} ${dstport} ${protocol} ${action} ${log-status}";
        Cli ingest = Cli.run("ingest", "--index", index, "--type", "vpcflow", "--flow-format", format, flows.toString());
        assertThat(ingest.exit).as(ingest.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count", "action:REJECT AND dstport:443").count()).isEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count", "ip:10.0.2.40").count()).isEqualTo(2);

        Cli bad = Cli.run("ingest", "--index", index, "--flow-format", "srcaddr srcaddr", flows.toString());
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err).contains("--flow-format").contains("named twice");
    }
}
