package dev.rootline.cli;

import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes flipped in a real segment of a real index: search, investigate and ingest refuse in one line naming the
 * file, {@code index check} names the evidence files the segment held, and {@code --repair} plus a re-ingest is exact.
 */
class DamagedIndexTest {
    @TempDir
    Path dir;

    /** The largest file of the newest segment: where flipped bytes land in postings or stored records. */
    private static String largestFileOfNewestSegment(Path index) throws IOException {
        Path lucene = index.resolve("lucene");
        try (var d = FSDirectory.open(lucene)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            SegmentCommitInfo newest = infos.info(infos.size() - 1);
            return newest.files().stream().max(Comparator.comparingLong(f -> lucene.resolve(f).toFile().length())).orElseThrow();
        }
    }

    private static void flip(Path file, int bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 3;
            for (int i = 0; i < bytes; i++) {
                f.seek(at + i * 97L);
                int b = f.read();
                f.seek(at + i * 97L);
                f.write(b ^ 0xff);
            }
        }
    }

    private static void assertRefusedInOneLine(Cli run, String file) {
        assertThat(run.exit).as(run.toString()).isEqualTo(ExitCodes.USER);
        String[] lines = run.err.strip().lines().filter(l -> !l.startsWith("ingest:")).toArray(String[]::new);
        assertThat(lines).as(run.toString()).hasSize(1);
        assertThat(lines[0]).contains("damaged", file, "index check").doesNotContain("Exception", "internal error");
    }

    @Test
    void aDamagedSegmentIsRefusedEverywhereAndRepairPlusReingestIsExact() throws IOException {
        Path first = SyntheticTrail.folder(dir.resolve("first"), 3, 2_000);
        Path second = SyntheticTrail.folder(dir.resolve("second batch"), 2, 1_500); // a blank in the path
        for (int f = 0; f < 2; f++) { // other ids than the first folder's
            SyntheticTrail.write(second.resolve("trail-" + f + ".json.gz"), "s" + f, 1_500, 200, true);
        }
        String index = dir.resolve("index").toString();
        assertThat(Cli.run("ingest", "--index", index, first.toString()).exit).isZero();
        assertThat(Cli.run("ingest", "--index", index, second.toString()).exit).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(9_000);

        String damaged = largestFileOfNewestSegment(Path.of(index));
        flip(Path.of(index, "lucene", damaged), 8);

        assertRefusedInOneLine(Cli.run("search", "--index", index, "eventName:AssumeRole"), damaged);
        assertRefusedInOneLine(Cli.run("investigate", "--index", index, "--format", "json",
                "--out", dir.resolve("report").toString()), damaged);
        assertRefusedInOneLine(Cli.run("ingest", "--index", index, first.toString()), damaged);

        Cli check = Cli.run("index", "check", "--index", index);
        assertThat(check.exit).as(check.toString()).isEqualTo(ExitCodes.USER);
        assertThat(check.out).contains("DAMAGED: " + damaged, "found 1 damaged segment holding", "--repair");

        Cli repair = Cli.run("index", "check", "--index", index, "--repair");
        assertThat(repair.exit).as(repair.toString()).isZero();
        assertThat(repair.out).contains("dropped 1 damaged segment holding", "the index is usable again");
        Path record;
        try (var records = Files.list(Path.of(index))) {
            record = records.filter(p -> p.getFileName().toString().startsWith("repair-")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(record)).contains("# dropped segment");
        long left = Cli.run("search", "--index", index, "--count").count();
        assertThat(left).isLessThan(9_000);

        // ingesting again exactly the files the repair listed (its record is an argument file) restores every
        // event, and doubles none
        Cli reingest = Cli.run("ingest", "--index", index, "@" + record);
        assertThat(reingest.exit).as(reingest.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(9_000);
        assertThat(Cli.run("index", "check", "--index", index).out).contains("the index is sound");
    }
}
