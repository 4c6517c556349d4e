package dev.rootline.report;

import dev.rootline.ingest.ByteSizes;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.ingest.SourceRead;

import java.util.List;

/**
 * The evidence a report stands on: the index's manifest ({@link EvidenceManifest}). A report lists it whole when it
 * is short; a longer one is written beside the report as {@value #FILE}, whose SHA-256 is the digest the report
 * quotes, so a reader can check the list is the one the report was written from ({@code sha256sum}).
 */
public record ReportEvidence(List<SourceRead> sources, String digest) {
    /** Sources listed in the report itself; more go to {@value #FILE}. */
    public static final int LISTED = 50;
    public static final String FILE = "evidence-manifest.jsonl";

    public ReportEvidence {
        sources = List.copyOf(sources);
    }

    /** The report's evidence for a manifest; null when there is none (an index written before manifests). */
    public static ReportEvidence of(List<SourceRead> manifest) {
        return manifest.isEmpty() ? null : new ReportEvidence(manifest, EvidenceManifest.digest(manifest));
    }

    public boolean listedWhole() {
        return sources.size() <= LISTED;
    }

    public long bytes() {
        return sources.stream().filter(s -> !s.origin().contains("!/")).mapToLong(SourceRead::size).sum();
    }

    public long events() {
        return sources.stream().mapToLong(SourceRead::events).sum();
    }

    public long rejects() {
        return sources.stream().mapToLong(SourceRead::rejects).sum();
    }

    /** The manifest file's content: its SHA-256 is {@link #digest()}. */
    String file() {
        StringBuilder b = new StringBuilder();
        sources.forEach(s -> b.append(EvidenceManifest.json(s)).append('\n'));
        return b.toString();
    }

    /** One sentence on the whole set, the same in every format. */
    String summary() {
        return String.format("%,d source%s (%s), %,d events read, %,d records rejected; manifest SHA-256 %s",
                sources.size(), sources.size() == 1 ? "" : "s", size(bytes()), events(), rejects(), digest);
    }

    static String size(long bytes) {
        return ByteSizes.human(bytes);
    }
}
