package dev.rootline.report.listing;

import dev.rootline.timeline.merged.Timeline;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineListingTest {
    /** Two busy days, 788 empty ones (snapshots taken two years later), one busy day. */
    private static Timeline sparse() {
        Instant start = Instant.parse("2024-10-25T00:00:00Z");
        List<Timeline.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < 791; i++) {
            long n = i < 2 ? 100 + i : i == 790 ? 44 : 0;
            buckets.add(new Timeline.Bucket(start.plus(Duration.ofDays(i)), n == 0 ? Map.of() : Map.of("cloudtrail", n)));
        }
        return new Timeline(start, start.plus(Duration.ofDays(791)), Duration.ofDays(1), buckets, Map.of("cloudtrail", 245L), 0);
    }

    private static String print(Timeline t, OutputFormat format) {
        StringWriter s = new StringWriter();
        TimelineListing.print(t, format, new PrintWriter(s), ZoneOffset.UTC);
        return s.toString();
    }

    @Test
    void aLongRunOfEmptyBucketsIsOneLineInTheTable() {
        List<String> lines = print(sparse(), OutputFormat.TABLE).lines().toList();
        assertThat(lines).hasSize(5); // header, two busy days, the empty run, the last day
        assertThat(lines.get(3)).startsWith("2024-10-27 00:00 +00:00").contains("(788 empty buckets, to 2026-12-24 00:00 +00:00)");
        assertThat(lines.get(4)).startsWith("2026-12-24 00:00 +00:00").contains("44");
    }

    @Test
    void csvAndJsonKeepEveryBucket() {
        assertThat(print(sparse(), OutputFormat.CSV).lines().count()).isEqualTo(1 + 791);
        assertThat(print(sparse(), OutputFormat.JSON)).contains("\"start\":\"2025-06-01T00:00:00Z\"");
    }

    @Test
    void twoEmptyBucketsStayRows() {
        Instant start = Instant.parse("2024-10-25T00:00:00Z");
        List<Timeline.Bucket> b = List.of(new Timeline.Bucket(start, Map.of("log", 1L)),
                new Timeline.Bucket(start.plus(Duration.ofHours(1)), Map.of()),
                new Timeline.Bucket(start.plus(Duration.ofHours(2)), Map.of()),
                new Timeline.Bucket(start.plus(Duration.ofHours(3)), Map.of("log", 2L)));
        Timeline t = new Timeline(start, start.plus(Duration.ofHours(4)), Duration.ofHours(1), b, Map.of("log", 3L), 0);
        assertThat(print(t, OutputFormat.TABLE).lines().count()).isEqualTo(5);
    }
}
