package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The README.md beside a scenario's evidence: the story, its timeline, the expected answer, the files. */
final class Readme {
    private Readme() {
    }

    static void write(Path dir, Story s, Expected e) throws IOException {
        StringBuilder md = new StringBuilder(4096);
        md.append("# ").append(s.title).append("\n\n");
        md.append("Scenario `").append(s.scenario).append("`, seed ").append(s.seed).append(". Evidence from ")
                .append(minute(s.start)).append(" to ").append(minute(s.end)).append(" UTC, account ")
                .append(s.estate.account()).append(", region ").append(s.estate.region()).append(".\n\n");
        md.append(s.narrative.strip()).append("\n\n");
        md.append("## Timeline (UTC)\n\n| time | what happened |\n|---|---|\n");
        for (Story.Note n : s.notesInOrder()) {
            md.append("| ").append(minute(n.time())).append(" | ").append(n.text()).append(" |\n");
        }
        md.append("\n## Expected answer\n\n").append(s.answer.strip()).append("\n\n");
        Expected.Cause c = e.cause();
        md.append("- cause: `").append(c.kind() == null ? "none" : c.kind()).append("`\n");
        Expected.Resources r = c.resources();
        item(md, "cluster", r.cluster());
        item(md, "ENIs", String.join(", ", r.eniIds()));
        item(md, "subnets", String.join(", ", r.subnetIds()));
        item(md, "route table", r.routeTableId());
        item(md, "missing route to", r.missingRouteTo());
        item(md, "security group", r.securityGroupId());
        item(md, "network ACL", r.networkAclId());
        item(md, "peering connection", r.peeringId());
        item(md, "causing CloudTrail events (eventID)", String.join(", ", c.changeEventIds()));
        if (e.bursts().isEmpty()) {
            md.append("\nNo failure bursts.\n");
        } else {
            md.append("\n| failure | target | first | last | events |\n|---|---|---|---|---|\n");
            for (Expected.Burst b : e.bursts()) {
                md.append("| ").append(b.signature()).append(" | ").append(b.target()).append(" | ").append(b.start())
                        .append(" | ").append(b.end()).append(" | ").append(b.count()).append(" |\n");
            }
        }
        md.append("\n## Red herrings\n\n");
        if (e.redHerrings().isEmpty()) {
            md.append("None.\n");
        }
        for (Expected.RedHerring h : e.redHerrings()) {
            md.append("- ").append(h.what());
            if (!h.eventIds().isEmpty()) {
                md.append(" (eventID ").append(String.join(", ", h.eventIds())).append(')');
            }
            if (h.start() != null) {
                md.append(" (").append(h.start()).append(" to ").append(h.end()).append(')');
            }
            md.append('\n');
        }
        md.append("\n## Evidence\n\n| folder | what | files |\n|---|---|---|\n");
        Path evidence = dir.resolve(Simulation.EVIDENCE);
        row(md, evidence, "AWSLogs", "CloudTrail as delivered to S3, one gzipped object per hour");
        row(md, evidence, "clouddriver", "Clouddriver's log (Spring Boot format), rolled daily and gzipped");
        row(md, evidence, "k8s-events", "`kubectl get events -A -o json` per cluster and day, gzipped");
        row(md, evidence, "ec2", "`aws ec2 describe-*` at the end of the window (`ObservedAt`)");
        row(md, evidence, "eks", "`aws eks describe-cluster`, `list-updates`, `describe-update`");
        md.append("\n`expected.json` holds the ground truth in machine-readable form; its format is documented in ")
                .append("`dev.rootline.samples.scenario` (package-info).\n\n");
        md.append("## Reproduce\n\n```java\nScenarios.byName(\"").append(s.scenario).append("\").orElseThrow().write(dir, ")
                .append(s.seed).append("L);\n```\n\nThen `rootline ingest ").append("<dir>/evidence` and ")
                .append("`rootline investigate`.\n");
        Files.writeString(dir.resolve("README.md"), md.toString());
    }

    private static void item(StringBuilder md, String name, String value) {
        if (value != null && !value.isEmpty()) {
            md.append("- ").append(name).append(": `").append(value.replace(", ", "`, `")).append("`\n");
        }
    }

    private static void row(StringBuilder md, Path evidence, String folder, String what) throws IOException {
        Path p = evidence.resolve(folder);
        long files = 0;
        if (Files.isDirectory(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                files = walk.filter(Files::isRegularFile).count();
            }
        }
        md.append("| `evidence/").append(folder).append("/` | ").append(what).append(" | ").append(files).append(" |\n");
    }

    /** {@code 2024-10-25 11:41}. */
    static String minute(long t) {
        return Times.iso(t).substring(0, 16).replace('T', ' ');
    }
}
