package dev.rootline.ingest.vpcflow;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpcFlowLogParserTest {
    private final VpcFlowLogParser parser = new VpcFlowLogParser();

    @TempDir
    Path tmp;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(VpcFlowLogParserTest.class.getResource(name).toURI());
    }

    private RecordingContext parse(String name) throws Exception {
        return RecordingContext.parse(parser, fixture(name));
    }

    @Test
    void s3FileWithHeaderGivesOneEventPerRecord() throws Exception {
        RecordingContext ctx = parse("s3-default.log");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(6);
        Event e = ctx.events.get(0);
        assertThat(e.id()).matches("vpcflow-[0-9a-f]{20}");
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1730000000));
        assertThat(e.source()).isEqualTo(Source.VPCFLOW);
        assertThat(e.kind()).isEqualTo("FlowRecord");
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.message()).isEqualTo("ACCEPT tcp 10.0.1.25:20641 -> 10.0.2.40:22 20 packets 4249 bytes");
        assertThat(e.account()).isEqualTo("123456789010");
        assertThat(e.region()).isNull();
        assertThat(e.ips()).containsExactly("10.0.1.25", "10.0.2.40");
        assertThat(e.resources()).containsOnlyKeys(ResourceType.ENI);
        assertThat(e.resources(ResourceType.ENI)).containsExactly("eni-0a1b2c3d4e5f60718");
        assertThat(e.attributes()).containsExactly(
                java.util.Map.entry("srcaddr", "10.0.1.25"), java.util.Map.entry("dstaddr", "10.0.2.40"),
                java.util.Map.entry("srcport", "20641"), java.util.Map.entry("dstport", "22"),
                java.util.Map.entry("protocol", "6"), java.util.Map.entry("protocolName", "tcp"),
                java.util.Map.entry("action", "ACCEPT"), java.util.Map.entry("logStatus", "OK"),
                java.util.Map.entry("bytes", "4249"), java.util.Map.entry("packets", "20"),
                java.util.Map.entry("start", "2024-10-27T03:33:20Z"), java.util.Map.entry("end", "2024-10-27T03:34:20Z"),
                java.util.Map.entry("version", "2"));
        assertThat(e.raw()).isEqualTo("2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 20641 22 6 20 4249"
                + " 1730000000 1730000060 ACCEPT OK");
        assertThat(e.provenance().line()).isEqualTo(2);
        assertThat(e.provenance().offset()).isEqualTo(Files.readString(fixture("s3-default.log")).indexOf('\n') + 1);
    }

    @Test
    void rejectIsAWarningLevelEvent() throws Exception {
        Event e = parse("s3-default.log").events.get(1);
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.attribute("action")).isEqualTo("REJECT");
        assertThat(e.message()).isEqualTo("REJECT tcp 198.51.100.7:49761 -> 10.0.2.40:3389 1 packets 40 bytes");
    }

    @Test
    void noDataAndSkipDataAreKeptWithoutAddresses() throws Exception {
        List<Event> events = parse("s3-default.log").events;
        Event nodata = events.get(2);
        assertThat(nodata.attribute("logStatus")).isEqualTo("NODATA");
        assertThat(nodata.ips()).isEmpty();
        assertThat(nodata.attributes()).doesNotContainKeys("srcaddr", "dstaddr", "action", "bytes", "protocolName");
        assertThat(nodata.message()).isEqualTo("NODATA eni-0a1b2c3d4e5f60718: no traffic in the window");
        assertThat(nodata.time()).isEqualTo(Instant.ofEpochSecond(1730000060));
        Event skipdata = events.get(3);
        assertThat(skipdata.level()).isEqualTo(Level.WARN);
        assertThat(skipdata.message()).isEqualTo("SKIPDATA eni-0f0e0d0c0b0a09080: records skipped in the window");
        assertThat(skipdata.id()).isNotEqualTo(nodata.id());
    }

    @Test
    void icmpHasNoPortsInItsMessage() throws Exception {
        Event e = parse("s3-default.log").events.get(4);
        assertThat(e.message()).isEqualTo("ACCEPT icmp 10.0.2.40 -> 203.0.113.12 4 packets 336 bytes");
        assertThat(e.attribute("protocolName")).isEqualTo("icmp");
        assertThat(e.attribute("srcport")).isEqualTo("0");
    }

    @Test
    void ipv6AddressesAreIpsAndBracketedInTheMessage() throws Exception {
        Event e = parse("s3-default.log").events.get(5);
        assertThat(e.ips()).containsExactly("2001:db8:1234:a100:8d6e:3477:df66:f105", "2001:db8:1234:a102:3304:8879:34cf:4071");
        assertThat(e.message()).isEqualTo("ACCEPT tcp [2001:db8:1234:a100:8d6e:3477:df66:f105]:34892"
                + " -> [2001:db8:1234:a102:3304:8879:34cf:4071]:443 54 packets 8855 bytes");
    }

    @Test
    void headerlessLinesAreTheDefaultFormat() throws Exception {
        RecordingContext ctx = parse("cloudwatch-default.log");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(6);
        assertThat(ctx.events.get(0).attribute("dstport")).isEqualTo("22");
        assertThat(ctx.events.get(0).provenance().line()).isEqualTo(1);
    }

    @Test
    void theSameRecordFromS3AndFromCloudWatchGetsOneId() throws Exception {
        assertThat(parse("cloudwatch-default.log").events).extracting(Event::id)
                .containsExactlyElementsOf(parse("s3-default.log").events.stream().map(Event::id).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void aGzippedCopyUnderAnotherNameGetsTheSameIds() throws Exception {
        Path gz = tmp.resolve("123456789010_vpcflowlogs_eu-west-1_fl-1_20241027T0335Z_abc.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(fixture("s3-default.log")));
        }
        assertThat(RecordingContext.parse(parser, gz).events).extracting(Event::id)
                .containsExactlyElementsOf(parse("s3-default.log").events.stream().map(Event::id).toList());
    }

    @Test
    void customOrderIsReadByTheHeadersNamesAndDoubleSpacesSplitAsOne() throws Exception {
        RecordingContext ctx = parse("custom-v3.log");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(2);
        Event e = ctx.events.get(0);
        assertThat(e.resources(ResourceType.ENI)).containsExactly("eni-33333333333333333");
        assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-abcdefab012345678");
        assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-22222222bbbbbbbbb");
        assertThat(e.resources(ResourceType.INSTANCE)).containsExactly("i-01234567890123456");
        assertThat(e.attributes()).containsEntry("packets", "10").containsEntry("bytes", "840")
                .containsEntry("tcp-flags", "3").containsEntry("type", "IPv4").containsEntry("version", "3");
        Event doubleSpaced = ctx.events.get(1);
        assertThat(doubleSpaced.resources(ResourceType.INSTANCE)).isEmpty();
        assertThat(doubleSpaced.attribute("srcaddr")).isEqualTo("10.40.1.175");
        // the packet's own source differs from the ENI's view: both are searchable ips
        assertThat(doubleSpaced.ips()).containsExactly("10.40.1.175", "10.40.2.236", "10.20.33.164");
        assertThat(doubleSpaced.attribute("pkt-srcaddr")).isEqualTo("10.20.33.164");
    }

    @Test
    void v5FieldsBecomeAttributesUnderTheirNames() throws Exception {
        RecordingContext ctx = parse("custom-v5.log");
        assertThat(ctx.diagnostics).isEmpty();
        Event e = ctx.events.get(1);
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(e.account()).isEqualTo("123456789012");
        assertThat(e.attributes()).containsEntry("pkt-dst-aws-service", "S3").containsEntry("flow-direction", "egress")
                .containsEntry("traffic-path", "8").containsEntry("az-id", "euw1-az3")
                .doesNotContainKeys("pkt-src-aws-service", "sublocation-type", "region", "account-id");
        assertThat(e.message()).isEqualTo("ACCEPT tcp 10.0.0.71:34210 -> 52.95.128.179:80 7 packets 471 bytes");
    }

    @Test
    void headerlessLinesWithEveryFieldUpToAVersionAreReadByTheirCount() throws Exception {
        RecordingContext ctx = parse("headerless-v5.log");
        assertThat(ctx.diagnostics).isEmpty();
        Event e = ctx.events.get(0);
        assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-abcdefab012345678");
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(e.attributes()).containsEntry("flow-direction", "egress").containsEntry("traffic-path", "1")
                .containsEntry("dstport", "5432");
    }

    @Test
    void aMalformedLineIsRejectedWithItsLineAndOffsetAndItsNeighboursKept() throws Exception {
        RecordingContext ctx = parse("malformed.log");
        String text = Files.readString(fixture("malformed.log"));
        assertThat(ctx.events).extracting(e -> e.attribute("srcport")).containsExactly("20641", "20642");
        assertThat(ctx.events).extracting(e -> e.provenance().line()).containsExactly(2L, 6L);
        assertThat(ctx.rejects()).extracting(Diagnostic::line, Diagnostic::offset, Diagnostic::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, (long) text.indexOf("2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 ssh"),
                        "srcport is not a port: 'ssh'"),
                org.assertj.core.groups.Tuple.tuple(4L, (long) text.indexOf("2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 20641 22 6 20 4249 1730000000\n"),
                        "wrong number of fields: 11, but the header names 14"));
        assertThat(ctx.warnings()).isEmpty();
    }

    @Test
    void jsonLinesForwardingARecordInMessageAreUnwrapped() throws Exception {
        RecordingContext ctx = parse("firehose.jsonl");
        assertThat(ctx.events).hasSize(2);
        Event e = ctx.events.get(0);
        assertThat(e.raw()).isEqualTo("2 428961148399 eni-0e0bf7be352692297 10.0.3.4 10.0.3.5 443 51234 6 12 5120 1730000000 1730000030 ACCEPT OK");
        assertThat(e.attribute("srcport")).isEqualTo("443");
        assertThat(e.provenance().line()).isEqualTo(1);
        // only the top-level message counts, not one nested in extractedFields
        assertThat(ctx.events.get(1).attribute("logStatus")).isEqualTo("NODATA");
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.reason()).contains("without a top-level \"message\"");
        });
    }

    @Test
    void aHeaderWithoutStartGivesEventsWithoutTimeAndOneWarning() throws Exception {
        RecordingContext ctx = parse("nat-gateway-no-times.log");
        assertThat(ctx.events).hasSize(2).allSatisfy(e -> assertThat(e.time()).isNull());
        assertThat(ctx.warnings()).singleElement().satisfies(d -> assertThat(d.reason()).contains("no start field"));
        assertThat(ctx.events.get(0).ips()).containsExactly("10.0.1.5", "10.0.0.220", "203.0.113.5");
        assertThat(ctx.events.get(0).resources(ResourceType.INSTANCE)).isEmpty();
        assertThat(ctx.events.get(1).resources(ResourceType.INSTANCE)).containsExactly("i-01234567890123456");
        assertThat(ctx.events.get(0).message()).isEqualTo("- 10.0.1.5 -> 10.0.0.220");
    }

    @Test
    void aWindowLongerThanADayIsKeptWithAWarning() throws Exception {
        Path f = Files.writeString(tmp.resolve("typo.log"),
                "2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 20641 22 6 20 4249 164000066 1640000297 ACCEPT OK\n");
        RecordingContext ctx = RecordingContext.parse(parser, f);
        assertThat(ctx.events).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo("1975-03-14T03:34:26Z"));
        assertThat(ctx.warnings()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.reason()).contains("start (its time here) or end is likely wrong");
        });
    }

    @Test
    void aCountOfFieldsNoLayoutHasIsRejectedWithAdvice() throws Exception {
        Path f = Files.writeString(tmp.resolve("custom.log"), "eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 ACCEPT OK\n");
        RecordingContext ctx = RecordingContext.parse(parser, f);
        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> assertThat(d.reason())
                .startsWith("no header line names these fields: 5 fields").endsWith("put the format's field names on the first line"));
    }

    @Test
    void headersMayRepeatWhereFilesWereConcatenated() throws Exception {
        Path f = tmp.resolve("both.log");
        Files.writeString(f, Files.readString(fixture("custom-v3.log")) + Files.readString(fixture("custom-v5.log")));
        RecordingContext ctx = RecordingContext.parse(parser, f);
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).extracting(e -> e.attribute("version")).containsExactly("3", "3", "5", "5");
    }

    @Test
    void fromLineReadsOneRecordOfAGivenOrInferredFormat() throws Exception {
        RecordingContext ctx = new RecordingContext(new InputFile(fixture("firehose.jsonl")), java.time.ZoneOffset.UTC);
        Event v2 = VpcFlowLogParser.fromLine("2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 20641 22 6 20 4249"
                + " 1730000000 1730000060 ACCEPT OK", null, ctx, -1, 7);
        assertThat(v2.attribute("dstport")).isEqualTo("22");
        assertThat(v2.provenance().location()).endsWith("firehose.jsonl:7");
        FlowFormat custom = FlowFormat.fromHeader("${srcaddr} ${dstaddr} ${dstport} ${action}");
        Event e = VpcFlowLogParser.fromLine("10.0.1.25 10.0.2.40 443 REJECT", custom, ctx, -1, 8);
        assertThat(e.message()).isEqualTo("REJECT 10.0.1.25 -> 10.0.2.40:443");
        assertThat(e.attribute("dstport")).isEqualTo("443");
        assertThat(VpcFlowLogParser.fromLine("10.0.1.25 10.0.2.40 https REJECT", custom, ctx, -1, 9)).isNull();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(9));
        assertThat(ctx.events).isEmpty(); // fromLine returns, it does not emit
    }

    @Test
    void flowFormatFromHeaderNamesWhatIsWrong() {
        assertThat(FlowFormat.fromHeader("version srcaddr dstaddr").fields()).containsExactly("version", "srcaddr", "dstaddr");
        assertThat(FlowFormat.DEFAULT_V2.header()).isEqualTo("version account-id interface-id srcaddr dstaddr srcport"
                + " dstport protocol packets bytes start end action log-status");
        assertThat(FlowFormat.forFieldCount(14)).isSameAs(FlowFormat.DEFAULT_V2);
        assertThat(FlowFormat.forFieldCount(40).fields()).endsWith("reject-reason");
        assertThat(FlowFormat.forFieldCount(15)).isNull();
        assertThatThrownBy(() -> FlowFormat.fromHeader("srcaddr dstaddr srcaddr")).hasMessageContaining("'srcaddr' is named twice");
        assertThatThrownBy(() -> FlowFormat.fromHeader("srcaddr DSTADDR")).hasMessageContaining("'DSTADDR' is not a field name");
        assertThatThrownBy(() -> FlowFormat.fromHeader("srcaddr")).hasMessageContaining("fewer than two");
        // a field newer than rootline is kept under its name
        assertThat(FlowFormat.fromHeader("srcaddr dstaddr quantum-path").fields()).contains("quantum-path");
    }

    @Test
    void registryPicksThisParserForEveryFixtureAndNotTheGenericLog() throws Exception {
        ParserRegistry registry = ParserRegistry.defaults();
        for (String name : List.of("s3-default.log", "cloudwatch-default.log", "custom-v3.log", "custom-v5.log",
                "headerless-v5.log", "malformed.log", "firehose.jsonl", "nat-gateway-no-times.log")) {
            assertThat(registry.detect(new InputFile(fixture(name))).map(EventParser::name)).as(name).hasValue("vpcflow");
        }
    }

    @Test
    void textThatIsNoFlowLogIsNotClaimed() throws IOException {
        for (String text : List.of("2024-10-25 12:00:00,123 INFO starting up\n", "version start end\nfoo bar baz\n",
                "{\"message\":\"hello world\"}\n", "a,b,c\n1,2,3\n", "")) {
            Path f = Files.writeString(tmp.resolve("other.txt"), text);
            assertThat(parser.sniff(new InputFile(f))).as(text).isZero();
        }
    }
}
