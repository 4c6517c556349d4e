package dev.rootline.cli;

import dev.rootline.timeline.burst.BurstSettings;
import dev.rootline.timeline.hypothesis.HypothesisSettings;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.topology.Cidr;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How the correlator finds bursts and weighs changes; shared by {@code investigate} and {@code batch sweep}. */
public final class CorrelatorOptions {
    @Option(names = "--client-cidr", paramLabel = "CIDR", description = "The failing clients' network (repeatable); inferred from peering when absent.")
    List<String> clientCidrs = new ArrayList<>();

    @Option(names = "--burst-gap", paramLabel = "DURATION", defaultValue = "15m", description = "Longest silence inside one burst (default: ${DEFAULT-VALUE}).")
    Duration burstGap;

    @Option(names = "--burst-min", paramLabel = "N", defaultValue = "5", description = "Fewest failures that make a burst (default: ${DEFAULT-VALUE}).")
    int burstMin;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "6h", description = "How long before a burst a change may have caused it (default: ${DEFAULT-VALUE}).")
    Duration lookback;

    /** The settings for an investigation of [from, to) (either may be null: the evidence's own bounds). */
    public InvestigationSettings settings(Instant from, Instant to) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String c : clientCidrs) {
            Cidr parsed = Cidr.parse(c);
            if (parsed == null) {
                throw new UserError("--client-cidr needs an IPv4 CIDR such as 10.50.0.0/16, got '" + c + "'");
            }
            cidrs.add(parsed);
        }
        HypothesisSettings hyp = new HypothesisSettings(lookback, HypothesisSettings.DEFAULT.tolerance(), HypothesisSettings.DEFAULT.port());
        return new InvestigationSettings(from, to, cidrs, new BurstSettings(burstGap, burstMin), hyp);
    }

    /** The {@code investigate} flags that give these settings, for a command a user can paste. */
    public List<String> flags() {
        List<String> out = new ArrayList<>();
        clientCidrs.forEach(c -> out.add("--client-cidr " + c));
        if (!burstGap.equals(Duration.ofMinutes(15))) {
            out.add("--burst-gap " + burstGap.toMinutes() + "m");
        }
        if (burstMin != 5) {
            out.add("--burst-min " + burstMin);
        }
        if (!lookback.equals(Duration.ofHours(6))) {
            out.add("--lookback " + lookback.toMinutes() + "m");
        }
        return out;
    }
}
