package dev.rootline.ingest.cloudtrail.digest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code aws cloudtrail validate-logs} for a folder: every digest file under it is read, linked into chains,
 * signature-checked with {@code keys}, and every log file it lists is hashed. See the package documentation for
 * what each verdict means.
 */
public final class DigestValidation {
    private DigestValidation() {
    }

    /**
     * Validates the evidence under {@code folder}. Bad files are verdicts in the report; only a folder that does
     * not exist or cannot be read throws.
     */
    public static DigestReport validate(Path folder, PublicKeys keys) throws IOException {
        EvidenceIndex index = EvidenceIndex.of(folder);
        List<LoadedDigest> loaded = index.digests().stream().map(LoadedDigest::load).toList();
        DigestChains chains = DigestChains.link(loaded);
        DigestVerifier verifier = new DigestVerifier(chains, keysFor(chains.readable(), keys));

        List<DigestCheck> digests = new ArrayList<>();
        for (LoadedDigest d : loaded) {
            digests.add(verifier.check(d));
        }
        for (DigestChains.Missing m : chains.missing()) {
            digests.add(new DigestCheck(m.key(), null, DigestCheck.Status.MISSING, "named as previous digest by "
                    + DigestChains.fileName(m.namedBy().key()) + ", not in the folder"));
        }
        digests.sort(Comparator.comparing((DigestCheck c) -> DigestChains.fileName(c.key()))
                .thenComparing(c -> String.valueOf(c.path())));

        LogFileChecks.Result logs = LogFileChecks.run(chains.readable(), index);
        List<LogFileCheck> logFiles = new ArrayList<>(logs.checks());
        logFiles.sort(Comparator.comparing((LogFileCheck c) -> DigestChains.fileName(c.key()))
                .thenComparing(c -> String.valueOf(c.path())));
        List<Path> notCovered = index.logFiles().stream()
                .filter(p -> !logs.covered().contains(EvidenceIndex.nameKey(p.getFileName().toString())))
                .toList();

        List<String> notes = new ArrayList<>(index.notes());
        notes.addAll(chains.notes());
        return new DigestReport(digests, logFiles, chains.breaks(), notCovered, chains.count(), notes);
    }

    /** One question to the key source, for the whole time range the digests span. */
    private static PublicKeys.Found keysFor(List<LoadedDigest> digests, PublicKeys keys) {
        if (digests.isEmpty()) {
            return new PublicKeys.Found(Map.of(), null);
        }
        Instant from = digests.stream().map(d -> d.digest().startTime()).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = digests.stream().map(d -> d.digest().endTime()).max(Comparator.naturalOrder()).orElseThrow();
        return keys.between(from, to);
    }
}
