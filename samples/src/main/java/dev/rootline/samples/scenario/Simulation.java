package dev.rootline.samples.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a {@link Story} into files: CloudTrail, Clouddriver's log and Kubernetes events over the window,
 * EC2 and EKS snapshots at its end, then {@code expected.json} and {@code README.md}. Each pass draws from
 * its own random stream, so adding noise to one format never shifts another.
 */
final class Simulation {
    static final String EVIDENCE = "evidence";

    private Simulation() {
    }

    static Expected write(Path dir, Story story) throws IOException {
        Path evidence = dir.resolve(EVIDENCE);
        CloudTrailPass.write(evidence, story);
        List<Expected.Burst> bursts = ClouddriverPass.write(evidence.resolve("clouddriver"), story);
        KubePass.write(evidence.resolve("k8s-events"), story);
        Snapshots.write(evidence, story);
        Expected expected = new Expected(story.scenario, story.seed, story.cause, bursts, story.herrings);
        expected.write(dir.resolve("expected.json"));
        Readme.write(dir, story, expected);
        return expected;
    }
}
