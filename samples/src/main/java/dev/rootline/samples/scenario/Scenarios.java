package dev.rootline.samples.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one list of scenarios. Names are unique; a duplicate fails at class load. */
public final class Scenarios {
    /** The seed incident's fixed seed: {@code samples/incidents/eni-public-subnet/} is this seed's output. */
    public static final long SEED_INCIDENT_SEED = EniPublicSubnetScenario.SAMPLE_SEED;

    private static final List<Scenario> ALL = List.of(
            new EniPublicSubnetScenario(),
            new SecurityGroupRevokeScenario(),
            new RouteDeletionScenario(),
            new NaclChangeScenario(),
            new PeeringDeletionScenario(),
            new EndpointAccessChangeScenario(),
            new QuietWeekScenario());
    private static final Map<String, Scenario> BY_NAME = new LinkedHashMap<>();

    static {
        for (Scenario s : ALL) {
            if (BY_NAME.putIfAbsent(s.name(), s) != null) {
                throw new IllegalStateException("two scenarios named " + s.name());
            }
        }
    }

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Scenario> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The seed incident: an EKS control-plane ENI moved into a public subnet. */
    public static Scenario seedIncident() {
        return BY_NAME.get(EniPublicSubnetScenario.NAME);
    }

    /**
     * Writes the seed incident (the bundled sample) into {@code dir}, exactly as committed under
     * {@code samples/incidents/eni-public-subnet/}, and returns the folder to ingest.
     */
    public static Path writeSeedIncident(Path dir) throws IOException {
        seedIncident().write(dir, SEED_INCIDENT_SEED);
        return Scenario.evidence(dir);
    }
}
