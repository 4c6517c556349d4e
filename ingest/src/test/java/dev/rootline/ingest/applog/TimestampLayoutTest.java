package dev.rootline.ingest.applog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimestampLayoutTest {

    private static Instant read(String line) {
        return new GenericSyntax(ZoneOffset.UTC, new AssumedYear(LocalDate.of(2025, 6, 30)), true).header(line, line).time();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "2015-10-18 18:01:47,978 INFO [main] x => 2015-10-18T18:01:47.978Z",
            "2024-10-29T23:15:19.078Z ERROR x => 2024-10-29T23:15:19.078Z",
            "2022-02-08 09:23:37+11:00 x => 2022-02-07T22:23:37Z",
            "2022-02-08 09:23:37.5-0800 x => 2022-02-08T17:23:37.500Z",
            "2016-09-28 04:30:30, Info CBS x => 2016-09-28T04:30:30Z",
            "17/06/09 20:10:40 INFO spark.SecurityManager: x => 2017-06-09T20:10:40Z",
            "081109 203615 148 INFO dfs.DataNode: x => 2008-11-09T20:36:15Z",
            "20171223-22:15:29:606|Step_LSC|30002312|x => 2017-12-23T22:15:29.606Z",
            "03-17 16:13:38.811  1702  2395 D WindowManager: x => 2025-03-17T16:13:38.811Z",
            "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: x => 2025-06-14T15:16:01Z",
            "Jul  1 09:00:55 calvisitor kernel[0]: x => 2025-07-01T09:00:55Z",
            "Dec 31 23:59:59 host x[1]: after the reference => 2024-12-31T23:59:59Z",
            "[Sun Dec 04 04:47:44 2005] [notice] x => 2005-12-04T04:47:44Z",
            "[Wed Oct 11 14:32:52.123456 2000] [core:error] x => 2000-10-11T14:32:52.123456Z"})
    void eachLayoutReadsItsExample(String line, String expected) {
        assertEquals(Instant.parse(expected), read(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\tat a.b.C.d(C.java:1)", "2015-13-45 18:01:47,978 INFO bad date", "Caused by: x",
            "2015-10-18 18:01 no seconds", "2015-10-18 18:01:47x glued", "Jun 14 15:16:01x", "[Sun Dec 04 04:47:44 2005",
            "12345 not a time", "Feb 30 10:00:00 host x: no such day"})
    void nonTimestampsStartNoEvent(String line) {
        assertNull(new GenericSyntax(ZoneOffset.UTC, new AssumedYear(LocalDate.of(2025, 6, 30)), true).header(line, line));
    }

    @Test
    void isoEndStopsBeforeTheLevel() {
        assertEquals(23, TimestampLayout.isoEnd("2015-07-29 17:41:44,747 - INFO"));
        assertEquals(29, TimestampLayout.isoEnd("2024-10-29T23:15:19.078+02:00 INFO"));
        assertFalse(TimestampLayout.isoEnd("2024-10-29") > 0);
    }
}
