package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rootline index check [--repair]}: Lucene's CheckIndex per segment, and the evidence a damaged one held. */
@Command(name = "check", description = {
        "Verify every segment of an embedded index (checksums and structure) and name damaged ones with the",
        "evidence files their events came from. --repair drops the damaged segments; ingesting those files again",
        "then restores their events exactly. Exit 0 when the index is sound or repaired, 1 when damage remains."})
final class IndexCheckCommand implements Callable<Integer> {
    /** Lost files printed on the terminal; all of them go to the repair record. */
    private static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--repair", description = "Drop damaged segments (a new commit without them) and record what they held.")
    boolean repair;

    @Option(names = "--fast", description = "Verify checksums only, not every structure inside the files.")
    boolean fast;

    @Override
    public Integer call() throws IOException {
        if (index.location().contains("://")) {
            throw new UserError("index check is for an embedded index folder; SolrCloud keeps its own replicas"
                    + " (a damaged replica recovers from a healthy one)");
        }
        EventIndex idx = index.open();
        IndexCheck.Result r = IndexCheck.run(idx.directory(), repair, fast);
        PrintWriter out = spec.commandLine().getOut();
        if (r.unreadableCommit() != null) {
            out.println("rootline: the index at " + r.index() + " cannot be checked: " + r.unreadableCommit() + ".");
            out.println("No segment can be trusted without it: move the index aside and ingest the evidence again into a new --index.");
            out.flush();
            return ExitCodes.USER;
        }
        long events = r.segments().stream().mapToLong(IndexCheck.Segment::events).sum();
        out.printf("%s: %s, %d segment%s, %,d events (%s)%n", r.index(), r.commit(), r.segments().size(),
                r.segments().size() == 1 ? "" : "s", events, fast ? "checksums" : "checksums and structure");
        for (IndexCheck.Segment s : r.segments()) {
            out.printf("  %-8s %,12d events %4d files %10s  %s%n", s.name(), s.events(), s.files(), size(s.bytes()),
                    s.ok() ? "ok" : "DAMAGED: " + (s.damagedFile() == null ? "" : s.damagedFile() + " ") + s.problem());
        }
        if (r.clean()) {
            out.println("the index is sound");
            out.flush();
            return ExitCodes.OK;
        }
        List<IndexCheck.Segment> damaged = r.damaged();
        long lost = damaged.stream().mapToLong(IndexCheck.Segment::events).sum();
        Set<String> files = new LinkedHashSet<>();
        long unattributed = 0;
        for (IndexCheck.Segment s : damaged) {
            s.lost().forEach(f -> files.add(f.path()));
            unattributed += s.unattributed();
        }
        out.printf("%s %d damaged segment%s holding %,d events, from %d evidence file%s:%n",
                r.repaired() ? "dropped" : "found", damaged.size(), damaged.size() == 1 ? "" : "s", lost,
                files.size(), files.size() == 1 ? "" : "s");
        int shown = 0;
        for (IndexCheck.Segment s : damaged) {
            for (IndexCheck.LostFile f : s.lost()) {
                if (shown++ < SHOWN) {
                    out.printf("  %,10d  %s%s%n", f.events(), f.path(), f.exactName() ? "" : "  (name in lower case: its stored record is damaged)");
                }
            }
        }
        if (shown > SHOWN) {
            out.printf("  … and %d more%n", shown - SHOWN);
        }
        if (unattributed > 0) {
            out.printf("  %,10d  events whose evidence file could not be read back: ingest all the evidence again"
                    + " (ids are stable, so nothing is doubled)%n", unattributed);
        }
        if (r.repaired()) {
            Path record = record(r, files, unattributed);
            out.println("the index is usable again; the list is in " + record);
            out.println("restore those events exactly with: rootline ingest --index " + r.index() + " @" + record);
            out.println("(or ingest all the evidence again: re-ingesting never doubles an event)");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("run 'rootline index check --index " + r.index() + " --repair' to drop the damaged segment"
                + (damaged.size() == 1 ? "" : "s") + ", then ingest those files again");
        out.flush();
        return ExitCodes.USER;
    }

    /** The repair's record beside the index: when, what was dropped, and every file to ingest again, one per line. */
    private static Path record(IndexCheck.Result r, Set<String> files, long unattributed) throws IOException {
        Instant now = Instant.now();
        Path record = r.index().resolve("repair-" + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                .replace(":", "").replace("-", "") + ".txt");
        List<String> lines = new ArrayList<>();
        lines.add("# rootline index check --repair at " + now + " on " + r.index());
        for (IndexCheck.Segment s : r.damaged()) {
            lines.add("# dropped segment " + s.name() + " (" + s.events() + " events): "
                    + (s.damagedFile() == null ? "" : s.damagedFile() + " ") + s.problem());
        }
        if (unattributed > 0) {
            lines.add("# " + unattributed + " events could not be attributed to a file: ingest all the evidence again");
        }
        lines.add("# evidence files whose events were dropped, one per line; this file is an argument file:");
        lines.add("#   rootline ingest --index " + r.index() + " @" + record);
        files.forEach(f -> lines.add(argument(f)));
        Files.write(record, lines, StandardCharsets.UTF_8);
        return record;
    }

    /** A path as one argument of a picocli argument file: quoted when it holds blanks, quotes or backslashes. */
    static String argument(String path) {
        if (path.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\' || c == '\'' || c == '#')) {
            return path;
        }
        return '"' + path.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%.1f kB", bytes / 1024.0);
    }
}
