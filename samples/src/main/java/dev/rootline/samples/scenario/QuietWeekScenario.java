package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Nothing breaks. EKS replaces a control-plane ENI of {@code prd-gw-eks}, but inside its private subnets;
 * another cluster's ENI is replaced too, and (for some seeds) Docker Hub rate-limits for a while. The right
 * answer is that there is no network cause to find.
 */
final class QuietWeekScenario implements Scenario {
    static final String NAME = "quiet-week";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "No failures: only noise, including harmless control-plane ENI replacements";
    }

    @Override
    public Expected write(Path dir, long seed) throws IOException {
        return Simulation.write(dir, story(seed));
    }

    Story story(long seed) {
        Schedule when = Schedule.of(NAME, seed);
        Estate e = Estate.generate(seed, false);
        Story s = new Story(NAME, seed, e, when.start(), when.end(), 60);
        EksMoves.privateEnis(s, e.gatewayCluster());
        EksMoves.privateEnis(s, e.backendCluster());
        Herrings.harmlessRecreation(s, e.gatewayCluster(), s.ids.nextInt(2), when.incident());
        Herrings.harmlessRecreation(s, e.backendCluster(), s.ids.nextInt(2), when.fixedAt());
        if (s.ids.nextBoolean()) {
            Herrings.registryRateLimit(s, when.incident() + s.between(Times.HOUR, 3 * Times.HOUR), 20 + s.ids.nextInt(30));
        }
        s.title = "A quiet week";
        s.narrative = """
                Two EKS clusters, their controllers and Spinnaker go about their business. EKS replaces a
                control-plane ENI of each cluster during maintenance, but the new ENIs land in private
                subnets that route back to the backend VPC, so nothing fails.""";
        s.answer = """
                No network cause: no failure bursts. The ENI replacements are routine and harmless.""";
        return s;
    }
}
