package dev.rootline.ingest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void isoWithZ() {
        assertThat(Timestamps.parse("2024-10-29T23:15:19.078Z", BERLIN)).isEqualTo(Instant.parse("2024-10-29T23:15:19.078Z"));
    }

    @Test
    void spaceSeparatorWithOffset() {
        assertThat(Timestamps.parse("2022-02-08 09:23:37+11:00", ZoneOffset.UTC)).isEqualTo(Instant.parse("2022-02-07T22:23:37Z"));
    }

    @Test
    void compactAndHourOnlyOffsets() {
        assertThat(Timestamps.parse("2021-11-18T09:41:02-0800", ZoneOffset.UTC)).isEqualTo(Instant.parse("2021-11-18T17:41:02Z"));
        assertThat(Timestamps.parse("2021-11-18T09:41:02+08", ZoneOffset.UTC)).isEqualTo(Instant.parse("2021-11-18T01:41:02Z"));
    }

    @Test
    void zonelessUsesGivenZone() {
        assertThat(Timestamps.parse("2024-10-29 23:15:19.078", BERLIN)).isEqualTo(Instant.parse("2024-10-29T22:15:19.078Z"));
    }

    @Test
    void commaFractionAndNanoseconds() {
        assertThat(Timestamps.parse("2015-10-18 18:01:47,978", ZoneOffset.UTC)).isEqualTo(Instant.parse("2015-10-18T18:01:47.978Z"));
        assertThat(Timestamps.parse("2021-01-01 00:00:00.000000001", ZoneOffset.UTC)).isEqualTo(Instant.parse("2021-01-01T00:00:00.000000001Z"));
    }

    @Test
    void garbageIsNullNeverAnException() {
        assertThat(Timestamps.parse("redacted", ZoneOffset.UTC)).isNull();
        assertThat(Timestamps.parse("20You 19-10-23T22:50:05Z", ZoneOffset.UTC)).isNull();
        assertThat(Timestamps.parse("2024-13-45T99:99:99Z", ZoneOffset.UTC)).isNull();
        assertThat(Timestamps.parse("2024-10-29T23:15:19Zjunk", ZoneOffset.UTC)).isNull();
        assertThat(Timestamps.parse(null, ZoneOffset.UTC)).isNull();
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void epochSecondsPastAnyInstantAreNoTimeAndQuicklySo() {
        // found by ActivitiesFuzzTest: the long value of 17e30243100 took minutes (a libFuzzer timeout), then read as 1970
        assertThat(Timestamps.parseAny("17e30243100", ZoneOffset.UTC)).isNull();
        assertThat(Timestamps.parseEpochSeconds("-4E+999999999")).isNull();
        assertThat(Timestamps.parseEpochSeconds("31556889864403199")).isEqualTo(Instant.ofEpochSecond(Instant.MAX.getEpochSecond()));
    }

    @Test
    void epochSecondsWithFraction() {
        assertThat(Timestamps.parseEpochSeconds("1527535003.208")).isEqualTo(Instant.parse("2018-05-28T19:16:43.208Z"));
        assertThat(Timestamps.parseAny("1542590239.656", ZoneOffset.UTC)).isEqualTo(Instant.ofEpochMilli(1542590239656L));
    }

    @Property
    void isoRenderingsRoundTrip(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        assertThat(Timestamps.parse(t.toString(), BERLIN)).isEqualTo(t);
        String offset = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSxxx").format(t.atZone(ZoneId.of("America/New_York")));
        assertThat(Timestamps.parse(offset, BERLIN)).isEqualTo(t);
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        Timestamps.parse(text, ZoneOffset.UTC);
        Timestamps.parseAny(text, ZoneOffset.UTC);
    }

    @Property
    void isoPrintsWhatInstantToStringPrints(@ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long seconds,
                                            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                            @ForAll @IntRange(min = 0, max = 3) int precision) {
        // whole seconds, millis and micros are what evidence carries; each prints with its own fraction width
        int n = switch (precision) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1_000 * 1_000;
            default -> nanos;
        };
        Instant t = Instant.ofEpochSecond(seconds, n);
        assertThat(Timestamps.iso(t)).isEqualTo(t.toString());
    }

    @Test
    void isoAtTheEdgesOfFourDigitYears() {
        for (String s : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.100Z", "2000-02-29T00:00:00.000001Z"}) {
            Instant t = Instant.parse(s);
            assertThat(Timestamps.iso(t)).isEqualTo(t.toString());
        }
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(Timestamps.iso(far)).isEqualTo(far.toString());
        assertThat(Timestamps.iso(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }
}
