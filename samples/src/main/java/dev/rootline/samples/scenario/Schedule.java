package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Times;

import java.util.SplittableRandom;

/**
 * When a seeded scenario happens: a working-day moment between 09:00 and 17:00 UTC in one of 26 weeks from
 * March 2024, the evidence window around it, and how long until someone puts things right.
 *
 * @param incident the change that breaks (or would break) things
 * @param start    the first hour of evidence, a day or so before
 * @param fixedAt  when the change is undone, 2 to 8 hours later
 * @param end      the end of evidence, most of a day after the fix
 */
record Schedule(long incident, long start, long fixedAt, long end) {
    private static final long FIRST_MONDAY = Times.parse("2024-03-04T00:00:00Z");

    static Schedule of(String scenario, long seed) {
        SplittableRandom r = new SplittableRandom(Ids.mix(seed * 31 + scenario.hashCode()));
        long day = FIRST_MONDAY + r.nextInt(26) * 7 * Times.DAY + r.nextInt(4) * Times.DAY;
        long incident = day + 9 * Times.HOUR + r.nextLong(8 * Times.HOUR);
        long start = Times.hourOf(incident - (16 + r.nextInt(10)) * Times.HOUR);
        long fixedAt = incident + 2 * Times.HOUR + r.nextLong(6 * Times.HOUR);
        long end = Times.hourOf(fixedAt + (12 + r.nextInt(10)) * Times.HOUR);
        return new Schedule(incident, start, fixedAt, end);
    }
}
