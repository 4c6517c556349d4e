package dev.rootline.report;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a sweep over history found: every incident, each with the findings of its own investigation and where its
 * report is. Written as {@code catalog.json}, {@code catalog.html} and {@code catalog.md} by {@link CatalogWriter}.
 *
 * @param from, to  the window swept (the evidence's bounds when none was given)
 * @param sources   what was read: folders, {@code s3://} prefixes, or the index
 * @param index     the index the incidents can be investigated again from
 * @param small     what was too small to investigate one by one
 */
public record Catalog(Instant from, Instant to, List<String> sources, String index, List<Incident> incidents, Small small) {
    public static final int SCHEMA_VERSION = 1;

    public Catalog {
        sources = List.copyOf(sources);
        incidents = List.copyOf(incidents);
        small = small == null ? new Small(0, 0, 0) : small;
    }

    /**
     * The bursts of fewer than {@code minFailures} failures: a year of logs has thousands of five-failure blips,
     * counted here; they open no incident of their own (they show in the reports of incidents around them).
     */
    public record Small(long bursts, long failures, long minFailures) {
    }

    /**
     * One incident: bursts close in time, investigated over {@code findings.from() .. findings.to()}.
     *
     * @param id          stable: the first burst's start minute and a hash of its signature and target
     * @param start, end  the first failure of its first burst and the last of its last
     * @param reportDir   its report folder, relative to the catalog's
     * @param investigate the command that investigates the same window again, with the same answer
     */
    public record Incident(String id, Instant start, Instant end, Findings findings, String reportDir, String investigate) {
        public Optional<Hypothesis> top() {
            return findings.hypotheses().stream().findFirst();
        }

        public long failures() {
            return findings.bursts().stream().mapToLong(Burst::count).sum();
        }

        /** The cluster the top cause names, else the one whose ENIs moved, else empty. */
        public String cluster() {
            Object named = top().map(h -> h.resources().get("cluster")).orElse(null);
            if (named != null) {
                return named.toString();
            }
            return findings.eniEvents().stream().map(EniEvent::cluster).filter(c -> c != null && !c.isBlank())
                    .findFirst().orElse("");
        }
    }
}
