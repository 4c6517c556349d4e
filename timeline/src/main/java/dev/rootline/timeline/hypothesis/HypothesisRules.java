package dev.rootline.timeline.hypothesis;

import java.util.List;

/** Every hypothesis rule, listed once. */
final class HypothesisRules {
    private HypothesisRules() {
    }

    static List<HypothesisRule> all() {
        return List.of(
                new EniInUnroutedSubnetRule(),
                new SecurityGroupChangeRule(),
                new RouteChangeRule(),
                new NaclChangeRule(),
                new PeeringChangeRule(),
                new ClusterConfigChangeRule());
    }
}
