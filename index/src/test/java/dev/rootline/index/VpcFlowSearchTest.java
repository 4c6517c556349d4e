package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** VPC Flow Logs from file to search: the data-plane questions (who talked to what, what was refused). */
class VpcFlowSearchTest {
    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status\n";
    private static final String RECORDS = """
            2 123456789010 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 20641 22 6 20 4249 1730000000 1730000060 ACCEPT OK
            2 123456789010 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.2.40 49761 22 6 1 40 1730000000 1730000060 REJECT OK
            2 123456789010 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.2.40 49762 3389 6 1 40 1730000000 1730000060 REJECT OK
            2 123456789010 eni-0f0e0d0c0b0a09080 10.0.2.40 203.0.113.12 0 0 1 4 336 1730000060 1730000120 ACCEPT OK
            2 123456789010 eni-0f0e0d0c0b0a09080 - - - - - - - 1730000060 1730000120 - NODATA
            2 123456789010 eni-0a1b2c3d4e5f60718 2001:db8::5 2001:db8::6 34892 443 6 54 8855 1730000120 1730000180 ACCEPT OK
            """;

    @TempDir
    Path dir;

    private EventIndex index;
    private IngestSummary first;

    @BeforeEach
    void ingestS3AndCloudWatchCopies() throws IOException {
        Path s3 = Files.writeString(dir.resolve("123456789010_vpcflowlogs_eu-west-1_fl-0a1b_20241027T0340Z_3f2e.log"),
                HEADER + RECORDS);
        // the same log group's records as CloudWatch Logs holds them: no header, some of the same records
        Path cloudwatch = Files.writeString(dir.resolve("flow-cloudwatch.log"), RECORDS.lines().limit(2)
                .map(l -> l + "\n").reduce("", String::concat));
        index = EventIndex.lucene(dir.resolve("index"));
        first = ingest(s3, cloudwatch);
    }

    private IngestSummary ingest(Path... inputs) throws IOException {
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(),
                new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of(index.directory())));
        return IndexIngestion.run(index, ingestion, List.of(inputs), new Ingestion.Listener() { });
    }

    private long count(String query) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest(query, null, null, 1));
        }
    }

    private List<Event> search(String query) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.search(new SearchRequest(query, null, null, 100));
        }
    }

    @Test
    void everyRecordIsOneEventAndTheCloudWatchCopiesMerge() throws IOException {
        assertThat(first.events()).isEqualTo(8);
        assertThat(first.added()).isEqualTo(6);
        assertThat(first.merged()).isEqualTo(2);
        assertThat(first.rejected()).isZero();
        assertThat(first.addedBySource()).containsEntry("vpcflow", 6L);
        assertThat(count("source:vpcflow")).isEqualTo(6);
    }

    @Test
    void ipFindsBothEndsByCidr() throws IOException {
        assertThat(count("ip:10.0.0.0/8")).isEqualTo(4);
        assertThat(count("ip:203.0.113.12")).isEqualTo(1);
        assertThat(count("ip:2001:db8::/32")).isEqualTo(1);
    }

    @Test
    void flowFieldsAreKeywords() throws IOException {
        assertThat(count("srcaddr:198.51.100.7")).isEqualTo(2);
        assertThat(count("dstaddr:10.0.2.40")).isEqualTo(3);
        assertThat(count("dstport:22")).isEqualTo(2);
        assertThat(count("srcport:20641")).isEqualTo(1);
        assertThat(count("protocol:1")).isEqualTo(1);
        assertThat(count("action:REJECT")).isEqualTo(2);
        assertThat(count("action:reject AND dstport:22")).isEqualTo(1);
        assertThat(count("logStatus:NODATA")).isEqualTo(1);
    }

    @Test
    void eniFindsTheInterfacesRecords() throws IOException {
        assertThat(count("eni:eni-0a1b2c3d4e5f60718")).isEqualTo(4);
        assertThat(count("eni:eni-0f0e0d0c0b0a09080")).isEqualTo(2);
    }

    @Test
    void aHitShowsTheRecordAsRead() throws IOException {
        assertThat(search("action:REJECT AND dstport:3389")).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("REJECT tcp 198.51.100.7:49762 -> 10.0.2.40:3389 1 packets 40 bytes");
            assertThat(e.raw()).startsWith("2 123456789010 eni-0a1b2c3d4e5f60718 198.51.100.7");
            assertThat(e.time()).isEqualTo("2024-10-27T03:33:20Z");
        });
    }

    @Test
    void ingestingAgainAddsNothing() throws IOException {
        IngestSummary again = ingest(dir.resolve("flow-cloudwatch.log"));
        assertThat(again.added()).isZero();
        assertThat(count("source:vpcflow")).isEqualTo(6);
    }
}
