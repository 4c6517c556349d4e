package dev.rootline.ingest.envelope;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real envelope files of ../shared/corpus/envelopes, each checked against what its producer documents. */
class EnvelopeCorpusTest {
    private static RecordingContext read(String name) throws IOException {
        Path f = SharedCorpus.file("envelopes/" + name);
        InputFile file = new InputFile(f);
        var parser = ParserRegistry.defaults().detect(file).orElseThrow(() -> new AssertionError("no parser for " + name));
        RecordingContext ctx = new RecordingContext(file, ZoneOffset.UTC);
        parser.parse(file, ctx);
        return ctx;
    }

    private static String parser(String name) throws IOException {
        return ParserRegistry.defaults().detect(new InputFile(SharedCorpus.file("envelopes/" + name))).orElseThrow().name();
    }

    @Test
    void everyFileIsReadOrRejectedWithAReason() throws IOException {
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("envelopes"))) {
            for (Path f : files.sorted().toList()) {
                InputFile file = new InputFile(f);
                var parser = ParserRegistry.defaults().detect(file);
                assertThat(parser).as(f.toString()).isPresent();
                RecordingContext ctx = new RecordingContext(file, ZoneOffset.UTC);
                parser.get().parse(file, ctx);
                assertThat(ctx.events.size() + ctx.rejects().size()).as(f.toString()).isPositive();
            }
        }
    }

    @Test
    void criPartialsInterleavedBetweenStreamsGiveFluentBitsEightMessages() throws IOException {
        RecordingContext ctx = read("fluentbit_multiline-c_cri_input.log");
        List<String> expected = Files.readAllLines(SharedCorpus.file("envelopes/fluentbit_multiline-c_cri_output.txt"));
        assertThat(ctx.events).extracting(Event::message).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ctx.events).allSatisfy(e -> assertThat(e.time()).isNotNull());
    }

    @Test
    void aTrailingPartialLineIsFlushed() throws IOException {
        RecordingContext ctx = read("gh-containerd-4813_init-container_trailing-partial_cri.log");
        assertThat(ctx.events).hasSize(1);
        assertThat(ctx.warnings()).extracting(Diagnostic::reason).anySatisfy(r -> assertThat(r).contains("never got its last piece"));
    }

    @Test
    void crioLinesWithOffsetTimesAndALineWithoutPrefix() throws IOException {
        assertThat(parser("gh-crio-3181_openshift_alertmanager-proxy_crio.log")).isEqualTo("cri");
        RecordingContext crio = read("gh-crio-3181_openshift_alertmanager-proxy_crio.log");
        assertThat(crio.events).hasSize(5).allSatisfy(e -> assertThat(e.attribute("stream")).isEqualTo("stderr"));
        RecordingContext ccm = read("gaia-dmp_capi-troubleshooting_openstack-ccm_cri.log");
        assertThat(ccm.events.size()).isBetween(5, 6);
        assertThat(ccm.warnings()).extracting(Diagnostic::reason).anySatisfy(r -> assertThat(r).contains("without a CRI prefix"));
    }

    @Test
    void dockerJsonFileWithACorruptLine() throws IOException {
        RecordingContext ctx = read("beats_docker_corrupted.log");
        assertThat(ctx.rejects()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(7));
        assertThat(ctx.events).hasSizeGreaterThanOrEqualTo(15);
        RecordingContext split = read("fluentbit_dockermode_splitted_line.log");
        assertThat(split.events).extracting(Event::message).contains("2020-03-24 Single line");
    }

    @Test
    void fluentBitRecordsCarryThePod() throws IOException {
        RecordingContext base = read("fluentbit_core_base_fluent-bit.out");
        assertThat(base.events).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Fluent Bit is logging");
            assertThat(e.attribute("pod")).isEqualTo("base");
            assertThat(e.attribute("node")).isEqualTo("ip-10-49-18-80.eu-west-1.compute.internal");
            assertThat(e.time()).isEqualTo(Instant.parse("2019-04-01T17:58:33.598656Z"));
        });
        RecordingContext fluentd = read("eocis-eks-log_readme_fluentd-cloudwatch-record.pretty.json");
        assertThat(fluentd.events).isNotEmpty().allSatisfy(e -> assertThat(e.attribute("pod")).isNotNull());
        RecordingContext avro = read("fluentbit_avro_multiline.json");
        assertThat(avro.events).isNotEmpty().allSatisfy(e -> assertThat(e.attribute("stream")).isEqualTo("stderr"));
    }

    @Test
    void cloudWatchExportsAndDeliveries() throws IOException {
        RecordingContext filter = read("awscli_logs_filter-log-events_ex1.json");
        assertThat(filter.problems()).isEmpty();
        assertThat(filter.events).isNotEmpty().allSatisfy(e -> assertThat(e.attribute("logStream")).isNotNull());
        RecordingContext get = read("awscli_logs_get-log-events_ex1.json");
        // the same event delivered twice (same time and text) gets one id
        assertThat(get.events.stream().map(Event::id).distinct().count()).isLessThan(get.events.size());
        RecordingContext lambda = read("eocis-eks-log_readme_cwlogs-lambda-subscription-event.json");
        assertThat(lambda.events).hasSize(2).allSatisfy(e -> assertThat(e.message()).contains("test message"));
        RecordingContext insights = read("awscli_logs_get-query-results_ex1.json");
        assertThat(insights.events.size() + insights.rejects().size()).isPositive();
    }
}
