package dev.rootline.ingest.vpcflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserFuzz;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.Source;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class VpcFlowLogParserPropertiesTest {
    private static final List<String> FIXTURES = List.of("s3-default.log", "custom-v3.log", "custom-v5.log",
            "malformed.log", "firehose.jsonl", "headerless-v5.log");
    private static final String V5_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets"
            + " bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region"
            + " az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path";
    private static final String V5_RECORD = "5 123456789012 eni-1235b8ca123456789 10.0.0.71 10.0.5.9 50041 5432 6 52 9001"
            + " 1730000000 1730000060 REJECT OK vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b 2 IPv4"
            + " 10.0.0.71 10.0.5.9 eu-west-1 euw1-az3 - - - - egress 1";

    private final VpcFlowLogParser parser = new VpcFlowLogParser();

    @Property(tries = 300)
    void garbageNeverEscapesAsAnythingButIOException(@ForAll("garbage") byte[] bytes) throws IOException {
        assertThat(ParserFuzz.parse(parser, bytes).ctx().events).allSatisfy(e -> {
            assertThat(e.id()).startsWith("vpcflow-");
            assertThat(e.source()).isEqualTo(Source.VPCFLOW);
        });
    }

    @Property(tries = 100)
    void everyRecordLineIsAnEventOrARejectWhateverItsFieldsHold(@ForAll("damagedRecords") List<String> lines)
            throws IOException {
        Path f = Files.createTempFile("flow", ".log");
        try {
            Files.writeString(f, String.join("\n", lines));
            RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);
            parser.parse(ctx.file(), ctx);
            long records = lines.stream().filter(l -> !FlowLine.isBlank(l)).count();
            assertThat(ctx.events.size() + ctx.rejects().size()).isEqualTo(records);
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 50)
    void aRecordsIdDoesNotDependOnTheOrderOfItsFields(@ForAll Random random) throws IOException {
        List<Integer> order = new ArrayList<>();
        String[] names = FlowLine.split(V5_HEADER);
        String[] values = FlowLine.split(V5_RECORD);
        for (int i = 0; i < names.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        StringBuilder header = new StringBuilder();
        StringBuilder record = new StringBuilder();
        for (int i : order) {
            header.append(names[i]).append(' ');
            record.append(values[i]).append(' ');
        }
        assertThat(idOf(header + "\n" + record + "\n")).isEqualTo(idOf(V5_HEADER + "\n" + V5_RECORD + "\n"));
    }

    private String idOf(String content) throws IOException {
        Path f = Files.createTempFile("flow", ".log");
        try {
            Files.writeString(f, content);
            RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);
            parser.parse(ctx.file(), ctx);
            assertThat(ctx.diagnostics).isEmpty();
            return ctx.events.stream().map(Event::id).findFirst().orElseThrow();
        } finally {
            Files.delete(f);
        }
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return ParserFuzz.garbage(VpcFlowLogParserTest.class, FIXTURES, JsonNodeFactory.instance.textNode(
                "2 123456789010 eni-0a1b2c3d4e5f60718 - - - - - - - 1730000060 1730000120 - NODATA"));
    }

    /** Default-format records with a few fields replaced by anything at all, and blank lines between. */
    @Provide
    Arbitrary<List<String>> damagedRecords() {
        String record = "2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 20641 22 6 20 4249 1730000000 1730000060 ACCEPT OK";
        Arbitrary<String> anything = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("-", "", "  ", "99999", "::1", "{", "ACCEPT", "version", "\t"));
        Arbitrary<String> damaged = Arbitraries.integers().between(0, 13).list().ofMaxSize(3)
                .flatMap(positions -> anything.list().ofSize(positions.size()).map(values -> {
                    String[] f = FlowLine.split(record);
                    for (int i = 0; i < positions.size(); i++) {
                        f[positions.get(i)] = values.get(i).replace('\n', ' ');
                    }
                    return String.join(" ", f);
                }));
        return Arbitraries.oneOf(damaged, damaged, Arbitraries.just("")).list().ofMinSize(1).ofMaxSize(20);
    }
}
