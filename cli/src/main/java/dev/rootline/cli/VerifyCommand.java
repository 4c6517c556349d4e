package dev.rootline.cli;

import dev.rootline.ingest.EvidenceCheck;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.ingest.SourceRead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rootline verify}: the evidence an index was built from, hashed again and compared with its manifest. */
@Command(name = "verify", description = {
        "Hash again every evidence file the index's manifest lists and report any that changed or went missing",
        "since it was read. S3 objects and archive members are listed as not checked here (archives are checked).",
        "Exit 0 when every file checked is unchanged, 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Override
    public Integer call() throws IOException {
        Path dir = index.open().directory();
        List<SourceRead> manifest = EvidenceManifest.read(dir);
        if (manifest.isEmpty()) {
            throw new UserError("no evidence manifest in " + dir + " (" + EvidenceManifest.FILE + "): the index was written"
                    + " before rootline kept one, or holds nothing; ingest the evidence again to record it"
                    + " (re-ingesting never doubles an event)");
        }
        List<EvidenceCheck.Outcome> outcomes = EvidenceCheck.check(manifest);
        Map<EvidenceCheck.Status, Integer> counts = new EnumMap<>(EvidenceCheck.Status.class);
        long bytes = 0;
        PrintWriter out = spec.commandLine().getOut();
        for (EvidenceCheck.Outcome o : outcomes) {
            counts.merge(o.status(), 1, Integer::sum);
            if (o.status() == EvidenceCheck.Status.UNCHANGED) {
                bytes += o.source().size();
            }
            if (o.status() == EvidenceCheck.Status.CHANGED || o.status() == EvidenceCheck.Status.MISSING) {
                out.printf("%-8s %s: %s (read %s)%n", o.status(), o.source().origin(), o.detail(), o.source().readAt());
            }
        }
        int unchanged = counts.getOrDefault(EvidenceCheck.Status.UNCHANGED, 0);
        int changed = counts.getOrDefault(EvidenceCheck.Status.CHANGED, 0);
        int missing = counts.getOrDefault(EvidenceCheck.Status.MISSING, 0);
        int notChecked = counts.getOrDefault(EvidenceCheck.Status.NOT_CHECKED, 0);
        out.printf("%,d sources in the manifest (digest %s): %,d unchanged (%s), %,d changed, %,d missing, %,d not checked here%n",
                manifest.size(), EvidenceManifest.digest(manifest).substring(0, 16), unchanged, IngestProgress.bytes(bytes),
                changed, missing, notChecked);
        out.flush();
        return changed + missing == 0 ? ExitCodes.OK : ExitCodes.USER;
    }
}
