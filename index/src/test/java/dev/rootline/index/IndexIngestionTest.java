package dev.rootline.index;

import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexIngestionTest {
    @TempDir
    Path dir;

    private static String record(String eventId, int second) {
        return """
                {"eventVersion":"1.08","eventTime":"2024-10-25T12:00:%02dZ","eventSource":"ec2.amazonaws.com",\
                "eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"10.0.0.1",\
                "eventID":"%s","recipientAccountId":"123456789012","userIdentity":{"type":"IAMUser",\
                "accountId":"123456789012","arn":"arn:aws:iam::123456789012:user/a"}}""".formatted(second, eventId);
    }

    private IngestSummary ingest(EventIndex index, Path... inputs) throws IOException {
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(),
                new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of(index.directory())));
        return IndexIngestion.run(index, ingestion, List.of(inputs), new Ingestion.Listener() { });
    }

    private static long count(EventIndex index) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest("*:*", null, null, 1));
        }
    }

    @Test
    void longEventIdsNeitherLoseTheirNeighboursNorTheCount() throws IOException {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(record(String.valueOf(i).repeat(40_000), i));
        }
        records.add(record("0290c349-3deb-47e7-9fa4-cec250b2cdec", 30));
        Path file = Files.writeString(dir.resolve("trail.json"), "{\"Records\":[" + String.join(",", records) + "]}");
        EventIndex index = EventIndex.lucene(dir.resolve("index"));

        IngestSummary s = ingest(index, file);

        assertThat(count(index)).isEqualTo(7).isEqualTo(s.added());
        assertThat(s.addedBySource()).containsEntry("cloudtrail", 7L);
        assertThat(s.warnings()).isEqualTo(6);
        assertThat(s.rejected()).isZero();
        assertThat(Files.readAllLines(index.directory().resolve(IndexIngestion.WARNINGS)))
                .hasSize(6).allMatch(l -> l.contains("trail.json") && l.contains("eventID"));
    }

    @Test
    void theSummaryCountsWhatTheIndexGainedAndSaysWhatWasMerged() throws IOException {
        // CloudTrail delivers some records twice, in two files: they count once
        Path a = Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + record("e1", 1) + "," + record("e2", 2) + "]}");
        Path b = Files.writeString(dir.resolve("b.json"), "{\"Records\":[" + record("e2", 2) + "," + record("e3", 3) + "]}");
        EventIndex index = EventIndex.lucene(dir.resolve("index"));

        IngestSummary first = ingest(index, a, b);
        assertThat(first.events()).isEqualTo(4);
        assertThat(first.added()).isEqualTo(3).isEqualTo(count(index));
        assertThat(first.merged()).isEqualTo(1);

        IngestSummary again = ingest(index, a, b);
        assertThat(again.added()).isZero();
        assertThat(again.merged()).isEqualTo(4);
        assertThat(count(index)).isEqualTo(3);
    }

    @Test
    void aRotatedRenamedAndGzippedCopyOfALogAddsNothing() throws IOException {
        String log = """
                2024-10-29 23:15:19.078 ERROR 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : Could not list namespaces: dial tcp 172.20.101.121:443: i/o timeout
                2024-10-29 23:15:20.078  INFO 1 --- [ Thread-26090] c.n.s.c.k.s.KubernetesCredentials : Listed namespaces
                """;
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("clouddriver.log"), log);
        Files.writeString(logs.resolve("clouddriver.log.1"), log); // logrotate renamed it
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(logs.resolve("clouddriver.log.1.gz")))) {
            out.write(log.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // and compressed it later
        }
        EventIndex index = EventIndex.lucene(dir.resolve("index"));

        IngestSummary s = ingest(index, logs);

        assertThat(s.events()).isEqualTo(6);
        assertThat(s.added()).isEqualTo(2).isEqualTo(count(index));
        assertThat(s.merged()).isEqualTo(4);
    }

    @Test
    void anIndexWrittenWithAnotherIdSchemeIsRefusedNotMixed() throws IOException {
        EventIndex index = EventIndex.lucene(dir.resolve("index"));
        Path trail = Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + record("e1", 1) + "]}");
        ingest(index, trail);
        // pretend an older rootline wrote it
        try (var d = org.apache.lucene.store.FSDirectory.open(index.directory().resolve("lucene"));
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig()
                     .setIndexSort(LuceneEventIndex.timeSort()))) {
            w.setLiveCommitData(java.util.Map.of(IndexVersion.SCHEMA_KEY, "2", IndexVersion.IDS_KEY, "1").entrySet());
            w.commit();
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest(index, trail))
                .isInstanceOf(IndexException.class).hasMessageContaining("id scheme 1").hasMessageContaining("new --index");
        assertThat(count(index)).as("still searchable").isEqualTo(1);
    }
}
