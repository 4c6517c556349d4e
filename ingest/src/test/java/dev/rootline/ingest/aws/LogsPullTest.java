package dev.rootline.ingest.aws;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against moto's CloudWatch Logs, seeded through the SDK. moto keeps only the last 14 days, so times are recent. */
class LogsPullTest extends AgainstMoto {
    private static final String GROUP = "/spinnaker/clouddriver";
    private static final DateTimeFormatter SPRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** Two days ago, on the hour: inside moto's 14 days, and whole hours make the files easy to predict. */
    private static final Instant HOUR0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
    private static final Instant HOUR1 = HOUR0.plus(Duration.ofHours(1));

    @TempDir
    Path folder;

    @BeforeEach
    void seed() throws IOException {
        aws.logs().createLogGroup(b -> b.logGroupName(GROUP));
        put("clouddriver/pod-a", HOUR0.plusSeconds(600), HOUR0.plusSeconds(1200), HOUR0.plusSeconds(3000),
                HOUR1.plusSeconds(300), HOUR1.plusSeconds(2400));
        put("clouddriver/pod-b", HOUR0.plusSeconds(900), HOUR1.plusSeconds(60), HOUR1.plusSeconds(61));
        put("sidecar/pod-a", HOUR0.plusSeconds(700));
        // a stack trace shipped as one multi-line event, and an event from the hour before the window
        putMessages("clouddriver/pod-c", List.of(
                event(HOUR0.minusSeconds(60), line(HOUR0.minusSeconds(60), "INFO", "starting")),
                event(HOUR0.plusSeconds(1500), line(HOUR0.plusSeconds(1500), "ERROR", "call failed")
                        + "\njava.net.SocketTimeoutException: connect timed out\n\tat java.base/sun.nio.ch.Net.connect(Net.java:580)")));
    }

    private static void put(String stream, Instant... times) {
        List<InputLogEvent> events = new ArrayList<>();
        for (Instant t : times) {
            events.add(event(t, line(t, "ERROR", "dial tcp 172.20.101.121:443: i/o timeout (" + stream + ")")));
        }
        putMessages(stream, events);
    }

    private static void putMessages(String stream, List<InputLogEvent> events) {
        aws.logs().createLogStream(b -> b.logGroupName(GROUP).logStreamName(stream));
        aws.logs().putLogEvents(b -> b.logGroupName(GROUP).logStreamName(stream).logEvents(events));
    }

    private static InputLogEvent event(Instant t, String message) {
        return InputLogEvent.builder().timestamp(t.toEpochMilli()).message(message).build();
    }

    private static String line(Instant t, String level, String text) {
        return SPRING.format(t) + " " + level + " 1 --- [     Thread-26] c.n.s.c.k.s.KubernetesCredentials        : " + text;
    }

    private LogsPull.Result pull(String prefix, Instant from, Instant to, Path into) throws IOException {
        return new LogsPull(aws.logs(), Clock.systemUTC())
                .run(new LogsPull.Request(GROUP, prefix, null, from, to, 2), into);
    }

    @Test
    void writesOneSortedFilePerStreamAndHourAcrossManyPages() throws IOException {
        LogsPull.Result r = pull(null, HOUR0.plusSeconds(650), HOUR1.plusSeconds(30), folder);

        // widened to whole hours: [HOUR0, HOUR1 + 1h)
        assertThat(r.from()).isEqualTo(HOUR0);
        assertThat(r.to()).isEqualTo(HOUR1.plus(Duration.ofHours(1)));
        assertThat(r.events()).isEqualTo(10);
        assertThat(r.files()).hasSize(6);
        Path podA0 = folder.resolve(LogsPull.fileName(GROUP, "clouddriver/pod-a", HOUR0));
        var events = dev.rootline.ingest.json.JsonRecordReader.MAPPER.readTree(podA0.toFile()).path("events");
        List<Long> times = new ArrayList<>();
        events.forEach(e -> {
            times.add(e.path("timestamp").asLong());
            assertThat(e.path("eventId").asText()).isNotEmpty();
            assertThat(e.path("logStreamName").asText()).isEqualTo("clouddriver/pod-a");
        });
        assertThat(times).hasSize(3).isSorted();
        assertThat(Files.getLastModifiedTime(podA0).toInstant()).isEqualTo(HOUR1);
    }

    @Test
    void pulledLinesParseAsClouddriverLogs() throws IOException {
        pull(null, HOUR0, HOUR1.plus(Duration.ofHours(1)), folder);
        Ingested in = Ingested.folder(folder, null);

        assertThat(in.problems()).isEmpty();
        assertThat(in.events).hasSize(10).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.CLOUDDRIVER));
        assertThat(in.events.stream().filter(e -> e.errors().contains("io_timeout"))).hasSize(9);
        Event trace = in.events.stream().filter(e -> e.message() != null && e.message().contains("call failed"))
                .findFirst().orElseThrow();
        assertThat(trace.message()).contains("SocketTimeoutException");
        assertThat(trace.time()).isEqualTo(HOUR0.plusSeconds(1500));
    }

    @Test
    void pullingAnOverlappingWindowAgainGivesTheSameIds() throws IOException {
        Path first = Files.createDirectory(folder.resolve("first"));
        Path second = Files.createDirectory(folder.resolve("second"));
        pull(null, HOUR0.plusSeconds(100), HOUR1.plusSeconds(100), first);
        pull(null, HOUR1.plusSeconds(1800), HOUR1.plusSeconds(3000), second);

        Set<String> hour1First = idsAtOrAfter(Ingested.folder(first, null), HOUR1);
        Set<String> hour1Second = idsAtOrAfter(Ingested.folder(second, null), HOUR1);
        assertThat(hour1Second).hasSize(4).isEqualTo(hour1First);
    }

    @Test
    void aLateEventChangesNoOtherEventsId() throws IOException {
        Path before = Files.createDirectory(folder.resolve("before"));
        Path after = Files.createDirectory(folder.resolve("after"));
        pull(null, HOUR0, HOUR1, before);
        // an agent delivers an event for the middle of an hour already pulled
        aws.logs().putLogEvents(b -> b.logGroupName(GROUP).logStreamName("clouddriver/pod-a")
                .logEvents(event(HOUR0.plusSeconds(900), line(HOUR0.plusSeconds(900), "ERROR", "late: i/o timeout"))));
        pull(null, HOUR0, HOUR1, after);

        Set<String> first = Ingested.folder(before, null).events.stream().map(Event::id).collect(Collectors.toSet());
        Set<String> second = Ingested.folder(after, null).events.stream().map(Event::id).collect(Collectors.toSet());
        assertThat(second).containsAll(first).hasSize(first.size() + 1);
    }

    @Test
    void fluentBitRecordsShippedToCloudWatchReadAsTheirLogs() throws IOException {
        String record = "{\"log\":\"" + line(HOUR0.plusSeconds(1800), "ERROR", "dial tcp 172.20.101.121:443: i/o timeout")
                + "\\n\",\"stream\":\"stdout\",\"kubernetes\":{\"pod_name\":\"clouddriver-7d9f8\",\"namespace_name\":\"spinnaker\","
                + "\"container_name\":\"clouddriver\",\"host\":\"ip-10-50-1-2.ec2.internal\"}}";
        putMessages("fluentbit/clouddriver-7d9f8", List.of(event(HOUR0.plusSeconds(1800), record)));
        pull("fluentbit/", HOUR0, HOUR1, folder);

        Ingested in = Ingested.folder(folder, null);
        assertThat(in.problems()).isEmpty();
        assertThat(in.events).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(Source.CLOUDDRIVER);
            assertThat(e.errors()).contains("io_timeout");
            assertThat(e.time()).isEqualTo(HOUR0.plusSeconds(1800));
            assertThat(e.attributes()).containsEntry("pod", "clouddriver-7d9f8").containsEntry("namespace", "spinnaker")
                    .containsEntry("logStream", "fluentbit/clouddriver-7d9f8");
        });
    }

    @Test
    void aStreamPrefixKeepsOnlyThoseStreams() throws IOException {
        LogsPull.Result r = pull("sidecar/", HOUR0, HOUR1, folder);
        assertThat(r.events()).isEqualTo(1);
        assertThat(r.files()).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("sidecar_pod-a~"));
    }

    @Test
    void aMissingLogGroupIsOneClearLine() {
        assertThatThrownBy(() -> new LogsPull(aws.logs(), Clock.systemUTC())
                .run(new LogsPull.Request("/no/such/group", null, null, HOUR0, HOUR1, null), folder))
                .isInstanceOf(PullException.class)
                .hasMessageStartingWith("ResourceNotFoundException on logs:FilterLogEvents for log group /no/such/group: not found")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static Set<String> idsAtOrAfter(Ingested in, Instant t) {
        return in.events.stream().filter(e -> e.time() != null && !e.time().isBefore(t)).map(Event::id)
                .collect(Collectors.toSet());
    }
}
