package dev.rootline.ingest.activity;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Spinnaker pipeline executions ({@code spin pipeline execution list}) read as engineering activities. */
class SpinnakerExecutionsParserTest {
    private final SpinnakerExecutionsParser parser = new SpinnakerExecutionsParser();

    @TempDir
    Path tmp;

    private static Path fixture() throws Exception {
        return ActivitiesParserTest.fixture("spinnaker/executions.json");
    }

    @Test
    void eachExecutionIsOneActivity() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture());

        assertThat(ctx.events).extracting(Event::message).containsExactly("gateway: deploy-gateway-prod SUCCEEDED",
                "gateway: Scale gateway to 6 TERMINAL", "gateway: nightly-canary NOT_STARTED");
        Event deploy = ctx.events.get(0);
        assertThat(deploy.source()).isEqualTo(Source.ACTIVITY);
        assertThat(deploy.kind()).isEqualTo("spinnaker-pipeline");
        assertThat(deploy.time()).isEqualTo(Instant.ofEpochMilli(1730242500210L));
        assertThat(deploy.actor()).isEqualTo("alice@example.com");
        assertThat(deploy.attributes()).containsEntry("end", "2024-10-29T23:01:12.015Z").containsEntry("application", "gateway")
                .containsEntry("status", "SUCCEEDED").containsEntry("executionId", "01JBDX4W3V6A9Q2K7M8N0P1R2S")
                .containsEntry("trigger", "manual").containsEntry("stages", "deployManifest,wait");
        // the raw record keeps what happened and leaves the manifests to the file and offset
        assertThat(deploy.raw()).contains("\"pipelineConfigId\"", "\"Soak\"").doesNotContain("\"manifests\"", "\"outputs\"");
        assertThat(Files.readString(fixture()).substring((int) deploy.provenance().offset())).startsWith("{");
    }

    @Test
    void anAdHocTaskIsNamedByItsDescriptionAndItsRealUser() throws Exception {
        Event task = RecordingContext.parse(parser, fixture()).events.get(1);

        assertThat(task.kind()).isEqualTo("spinnaker-task");
        assertThat(task.actor()).as("the trigger's user, not 'anonymous'").isEqualTo("bob@example.com");
    }

    @Test
    void anExecutionThatNeverStartedIsPlacedAtItsBuildTime() throws Exception {
        Event queued = RecordingContext.parse(parser, fixture()).events.get(2);

        assertThat(queued.time()).isEqualTo(Instant.ofEpochMilli(1730250000000L));
        assertThat(queued.attributes()).doesNotContainKey("end");
    }

    @Test
    void executionsWithoutAnIdOrATimeAreRejectedWithTheirOffset() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture());

        assertThat(ctx.rejects()).extracting(Diagnostic::reason).containsExactly("Spinnaker execution without an id",
                "Spinnaker execution 01JBE1111111111111111111ZZ has no readable startTime or buildTime (epoch milliseconds)");
        assertThat(ctx.rejects()).allSatisfy(d -> assertThat(d.offset()).isPositive());
    }

    @Test
    void aLaterExportOfTheSameExecutionKeepsItsId() throws Exception {
        String running = Files.readString(fixture()).replace("\"status\" : \"SUCCEEDED\",\n  \"authentication\"",
                "\"status\" : \"RUNNING\",\n  \"authentication\"");
        Path later = Files.writeString(tmp.resolve("later.json"), running);

        assertThat(RecordingContext.parse(parser, later).events.get(0).id())
                .isEqualTo(RecordingContext.parse(parser, fixture()).events.get(0).id());
    }

    @Test
    void formatDetectionPicksItAndTypeActivitiesReadsItToo() throws Exception {
        assertThat(ParserRegistry.defaults().detect(new InputFile(fixture())).orElseThrow().name()).isEqualTo("spinnaker-executions");
        assertThat(RecordingContext.parse(new ActivitiesParser(), fixture()).events).hasSize(3);
        Path plain = Files.writeString(tmp.resolve("a.json"), "[{\"title\":\"x\",\"time\":\"2024-10-29T00:00:00Z\"}]");
        assertThat(parser.sniff(new InputFile(plain))).isZero();
    }
}
