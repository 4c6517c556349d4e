package dev.rootline.samples.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenariosTest {
    @Test
    void listsEveryScenarioTheIssueAsksFor() {
        assertThat(Scenarios.names()).containsExactly("eni-public-subnet", "security-group-revoke", "route-deletion",
                "nacl-change", "peering-deletion", "endpoint-access-change", "quiet-week");
    }

    @Test
    void namesAreUniqueAndSummariesPresent() {
        assertThat(Scenarios.all()).extracting(Scenario::name).doesNotHaveDuplicates();
        assertThat(Scenarios.all()).allSatisfy(s -> assertThat(s.summary()).isNotBlank());
    }

    @Test
    void unknownNameFindsNothing() {
        assertThat(Scenarios.byName("no-such-scenario")).isEmpty();
    }

    @Test
    void seedIncidentIsTheEniScenarioAtItsDate() {
        assertThat(Scenarios.seedIncident().name()).isEqualTo("eni-public-subnet");
        assertThat(Scenarios.SEED_INCIDENT_SEED).isEqualTo(20241025L);
    }
}
