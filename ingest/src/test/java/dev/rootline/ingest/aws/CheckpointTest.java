package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void keysRecordedAreDoneInTheNextRun() throws IOException {
        Path file = dir.resolve("pull.checkpoint");
        Checkpoint first = Checkpoint.open(file);
        first.finished("s3://b/k1");
        first.finished("s3://b/k2");
        assertThat(first.isDone("s3://b/k1")).as("not done before it is committed").isFalse();
        CollectingTarget target = new CollectingTarget();
        first.commit(target);

        Checkpoint second = Checkpoint.open(file);
        assertThat(second.isDone("s3://b/k1")).isTrue();
        assertThat(second.isDone("s3://b/k2")).isTrue();
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void aLineCutOffByACrashIsNotDone() throws IOException {
        Path file = dir.resolve("pull.checkpoint");
        Files.writeString(file, "s3://b/k1\ns3://b/k2.json.g");
        Checkpoint cp = Checkpoint.open(file);
        assertThat(cp.isDone("s3://b/k1")).isTrue();
        assertThat(cp.size()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsAFreshStart() throws IOException {
        assertThat(Checkpoint.open(dir.resolve("none")).size()).isZero();
    }
}
