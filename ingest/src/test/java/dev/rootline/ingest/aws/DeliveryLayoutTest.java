package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLayoutTest {
    private static final Instant FROM = Instant.parse("2024-10-25T16:00:30Z");
    private static final Instant TO = Instant.parse("2024-10-25T18:00:00Z");

    @Test
    void rootAddsAwsLogsUnderThePrefixOnce() {
        assertThat(DeliveryLayout.root("")).isEqualTo("AWSLogs/");
        assertThat(DeliveryLayout.root(null)).isEqualTo("AWSLogs/");
        assertThat(DeliveryLayout.root("trails")).isEqualTo("trails/AWSLogs/");
        assertThat(DeliveryLayout.root("/trails/")).isEqualTo("trails/AWSLogs/");
        assertThat(DeliveryLayout.root("trails/AWSLogs")).isEqualTo("trails/AWSLogs/");
    }

    @Test
    void daysRunFromTheStartToTheLastDeliveryOfTheWindow() {
        assertThat(DeliveryLayout.days(FROM, TO)).containsExactly(LocalDate.parse("2024-10-25"));
        // records of the day's last hour arrive in files of the next day
        assertThat(DeliveryLayout.days(FROM, Instant.parse("2024-10-26T00:00:00Z")))
                .containsExactly(LocalDate.parse("2024-10-25"), LocalDate.parse("2024-10-26"));
        assertThat(DeliveryLayout.days(Instant.parse("2024-10-31T23:00:00Z"), Instant.parse("2024-11-02T10:00:00Z")))
                .hasSize(3);
    }
}
