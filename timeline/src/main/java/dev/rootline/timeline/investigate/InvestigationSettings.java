package dev.rootline.timeline.investigate;

import dev.rootline.timeline.burst.BurstSettings;
import dev.rootline.timeline.hypothesis.HypothesisSettings;
import dev.rootline.timeline.topology.Cidr;

import java.time.Instant;
import java.util.List;

/**
 * @param from        window start (inclusive), or null for the first event
 * @param to          window end (exclusive), or null for after the last event
 * @param clientCidrs the failing clients' networks ({@code --client-cidr}); empty to infer them
 */
public record InvestigationSettings(Instant from, Instant to, List<Cidr> clientCidrs, BurstSettings bursts,
                                    HypothesisSettings hypotheses) {
    public InvestigationSettings {
        clientCidrs = List.copyOf(clientCidrs);
    }

    public static InvestigationSettings defaults() {
        return new InvestigationSettings(null, null, List.of(), BurstSettings.DEFAULT, HypothesisSettings.DEFAULT);
    }
}
