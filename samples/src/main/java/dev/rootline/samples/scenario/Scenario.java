package dev.rootline.samples.scenario;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An incident (or a quiet stretch) that writes itself as raw evidence plus its ground truth. The same name
 * and seed always write the same files; different seeds vary times, ids, addresses and noise while
 * keeping the cause findable.
 */
public sealed interface Scenario permits EniPublicSubnetScenario, SecurityGroupRevokeScenario, RouteDeletionScenario,
        NaclChangeScenario, PeeringDeletionScenario, EndpointAccessChangeScenario, QuietWeekScenario {

    /** The name scripts and tests use ({@code eni-public-subnet}). */
    String name();

    /** One sentence: what happens. */
    String summary();

    /**
     * Writes {@code dir/evidence/…} (the raw files to ingest), {@code dir/expected.json} and
     * {@code dir/README.md}. {@code dir} should be empty or absent: files already there are not removed.
     *
     * @return the ground truth, as written to {@code expected.json}
     */
    Expected write(Path dir, long seed) throws IOException;

    /** The folder to ingest, under a directory a scenario was written to. */
    static Path evidence(Path dir) {
        return dir.resolve(Simulation.EVIDENCE);
    }
}
