package dev.rootline.timeline.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code rootline audit} found at one instant.
 *
 * @param clientNetworks the networks checked: those given, else every one inferred for some cluster
 * @param inferred       whether the client networks were inferred rather than given
 * @param port           the API server port checked
 */
public record Audit(Instant at, List<String> clientNetworks, boolean inferred, int port, List<ClusterAudit> clusters,
                    List<LatentRisk> risks) {
    public static final int SCHEMA_VERSION = 1;

    public Audit {
        Objects.requireNonNull(at, "at");
        clientNetworks = List.copyOf(clientNetworks);
        clusters = List.copyOf(clusters);
        risks = List.copyOf(risks);
    }

    public boolean hasRisks() {
        return !risks.isEmpty();
    }
}
