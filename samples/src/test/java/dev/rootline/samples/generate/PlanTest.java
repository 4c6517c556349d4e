package dev.rootline.samples.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {
    @Test
    void chunksAddUpToTheEventsAskedFor() {
        List<Chunk> chunks = Plan.of(1_234_567, Mix.DEFAULT);
        assertThat(chunks.stream().mapToLong(Chunk::events).sum()).isEqualTo(1_234_567);
    }

    @Test
    void noFileHoldsMoreThanTheLimit() {
        List<Chunk> chunks = Plan.of(100_000_000, Mix.DEFAULT);
        assertThat(chunks).allMatch(c -> c.events() <= Plan.MAX_PER_FILE);
        assertThat(chunks.stream().mapToLong(Chunk::events).sum()).isEqualTo(100_000_000);
    }

    @Test
    void smallCorporaStillSpanADayOfHourlyObjects() {
        assertThat(Plan.of(1_000, new Mix(1, 0, 0))).hasSize(24);
    }

    @Test
    void largeCorporaSpanAtMostNinetyDays() {
        long hourly = Plan.of(100_000_000, Mix.DEFAULT).stream().filter(c -> c instanceof Chunk.CloudTrail).count();
        assertThat(hourly).isEqualTo(Plan.MAX_HOURS);
    }

    @Test
    void chunkNumbersAreUnique() {
        List<Chunk> chunks = Plan.of(50_000, new Mix(0.6, 0.3, 0.1, 0.1));
        assertThat(chunks).anySatisfy(c -> assertThat(c).isInstanceOf(Chunk.Flows.class));
        assertThat(chunks.stream().map(PlanTest::number)).doesNotHaveDuplicates();
    }

    private static long number(Chunk c) {
        return switch (c) {
            case Chunk.CloudTrail x -> x.number();
            case Chunk.Clouddriver x -> x.number();
            case Chunk.Kube x -> x.number();
            case Chunk.Flows x -> x.number();
        };
    }
}
