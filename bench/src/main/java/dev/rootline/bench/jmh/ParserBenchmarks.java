package dev.rootline.bench.jmh;

import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.applog.SpringBootLogParser;
import dev.rootline.ingest.cloudtrail.CloudTrailParser;
import dev.rootline.samples.generate.CorpusGenerator;
import dev.rootline.samples.generate.Mix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Parsing throughput without the index: one generated CloudTrail hour file and one Clouddriver log,
 * each parsed whole per operation. Divide the events per file by the time per operation for events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmarks {
    private Path dir;
    private InputFile cloudTrail;
    private InputFile clouddriver;
    private final CloudTrailParser cloudTrailParser = new CloudTrailParser();
    private final SpringBootLogParser springBootParser = new SpringBootLogParser();

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("rootline-jmh");
        CorpusGenerator.generate(dir.resolve("ct"), 20_000, 1, new Mix(1, 0, 0));
        CorpusGenerator.generate(dir.resolve("cd"), 20_000, 1, new Mix(0, 1, 0));
        cloudTrail = new InputFile(largest(dir.resolve("ct")));
        clouddriver = new InputFile(largest(dir.resolve("cd")));
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path largest(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    @Benchmark
    public long cloudTrailHourFile() throws IOException {
        NullContext ctx = new NullContext(cloudTrail);
        cloudTrailParser.parse(cloudTrail, ctx);
        return ctx.hash + ctx.events;
    }

    @Benchmark
    public long clouddriverLogFile() throws IOException {
        NullContext ctx = new NullContext(clouddriver);
        springBootParser.parse(clouddriver, ctx);
        return ctx.hash + ctx.events;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object springBootTimestamp() {
        return Timestamps.parse("2024-10-29 23:15:19.078", ZoneOffset.UTC);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object isoTimestampWithOffset() {
        return Timestamps.parse("2022-02-08 09:23:37+11:00", ZoneOffset.UTC);
    }
}
