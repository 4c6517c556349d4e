package dev.rootline.cli;

import dev.rootline.ingest.EvidenceCheck;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.ingest.SourceRead;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.PullException;
import dev.rootline.ingest.aws.S3DigestFetch;
import dev.rootline.ingest.aws.S3Rehash;
import dev.rootline.ingest.cloudtrail.digest.DigestReport;
import dev.rootline.ingest.cloudtrail.digest.DigestValidation;
import dev.rootline.ingest.cloudtrail.digest.PublicKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rootline verify}: the evidence an index was built from, hashed again and compared with its manifest. */
@Command(name = "verify", description = {
        "Hash again every evidence file the index's manifest lists and report any that changed or went missing",
        "since it was read. S3 objects and archive members are listed as not checked here (archives are checked).",
        "Where CloudTrail digest files sit beside the CloudTrail evidence (AWSLogs/…/CloudTrail-Digest/), or in a",
        "--digests folder, validate them as 'aws cloudtrail validate-logs' does: each log file's hash, the chain of",
        "digests, and each digest's signature with --public-key files or the keys cloudtrail:ListPublicKeys returns.",
        "Exit 0 when every file checked is unchanged and every digest chain intact, 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    AwsOptions aws;

    @Option(names = "--digests", paramLabel = "DIR|s3://B/PREFIX", description = {
            "A folder of CloudTrail logs and digests to validate, or an S3 prefix holding digests (repeatable;",
            "the log files they list are fetched too: keep the prefix to the days you need, e.g.",
            "s3://trail/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/10/25/). By default every AWSLogs",
            "folder of the manifest's CloudTrail files that holds digests."})
    List<String> digests = new ArrayList<>();

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "CloudTrail's public key for the digests' region (PEM or DER; repeatable).")
    List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--aws-public-keys",
            description = "Ask cloudtrail:ListPublicKeys for the keys (with --region, --profile, --endpoint-url).")
    boolean awsPublicKeys;

    @Option(names = "--s3", description = {"Read the manifest's S3 objects again and compare their SHA-256 (reads every",
            "one; with --region, --profile, --endpoint-url)."})
    boolean s3Objects;

    @Override
    public Integer call() throws IOException {
        Path dir = index.open().directory();
        List<SourceRead> manifest = EvidenceManifest.read(dir);
        try {
            boolean intact = verifyManifest(dir, manifest);
            return verifyDigests(manifest) && intact ? ExitCodes.OK : ExitCodes.USER;
        } finally {
            if (clients != null) {
                clients.close();
            }
        }
    }

    private boolean verifyManifest(Path dir, List<SourceRead> manifest) throws IOException {
        if (manifest.isEmpty() && !digests.isEmpty()) {
            return true;
        }
        if (manifest.isEmpty()) {
            throw new UserError("no evidence manifest in " + dir + " (" + EvidenceManifest.FILE + "): the index was written"
                    + " before rootline kept one, or holds nothing; ingest the evidence again to record it"
                    + " (re-ingesting never doubles an event)");
        }
        List<EvidenceCheck.Outcome> outcomes = EvidenceCheck.check(manifest);
        if (s3Objects) {
            outcomes = rehashS3(outcomes);
        }
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
        return changed + missing == 0;
    }

    /** The S3 objects of the manifest, read again and compared. */
    private List<EvidenceCheck.Outcome> rehashS3(List<EvidenceCheck.Outcome> outcomes) throws IOException {
        if (clients == null) {
            clients = new AwsClients(aws.settings());
        }
        S3Rehash rehash = new S3Rehash(clients.s3());
        List<EvidenceCheck.Outcome> out = new ArrayList<>(outcomes.size());
        try {
            for (EvidenceCheck.Outcome o : outcomes) {
                boolean s3 = o.status() == EvidenceCheck.Status.NOT_CHECKED && o.source().origin().startsWith("s3://")
                        && o.source().sha256() != null;
                out.add(s3 ? EvidenceCheck.compared(o.source(), rehash.sha256(o.source().origin())) : o);
            }
        } catch (PullException e) {
            throw new UserError(e.getMessage());
        }
        return out;
    }

    /** Validates the digest folders; true when each is intact (or there are none). */
    private boolean verifyDigests(List<SourceRead> manifest) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        List<String> s3 = new ArrayList<>();
        for (String d : digests) {
            if (d.startsWith("s3://")) {
                s3.add(d);
            } else {
                folders.add(Path.of(d));
            }
        }
        if (digests.isEmpty()) {
            folders.addAll(digestFolders(manifest));
        }
        if (folders.isEmpty() && s3.isEmpty()) {
            return true;
        }
        PublicKeys keys = keys();
        PrintWriter out = spec.commandLine().getOut();
        boolean intact = true;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UserError("no such folder: " + folder);
            }
            DigestReport report = DigestValidation.validate(folder, keys);
            out.println(folder + ":");
            report.lines().forEach(l -> out.println("  " + l));
            intact &= report.intact();
        }
        for (String location : s3) {
            intact &= verifyS3(location, keys, out);
        }
        if (publicKeys.isEmpty() && !awsPublicKeys) {
            out.println("signatures need CloudTrail's public keys: give --public-key FILE or --aws-public-keys");
        }
        out.flush();
        return intact;
    }

    /** Opened on first use of AWS, closed when the command ends. */
    private AwsClients clients;

    /** Fetches an S3 prefix's digests (with their signatures) and the log files they list, then validates them. */
    private boolean verifyS3(String location, PublicKeys keys, PrintWriter out) throws IOException {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (clients == null) {
            clients = new AwsClients(aws.settings());
        }
        Path spool = Files.createTempDirectory("rootline-digests");
        try {
            S3DigestFetch.Result fetched = new S3DigestFetch(clients.s3()).fetch(bucket, prefix, spool);
            DigestReport report = DigestValidation.validate(spool, keys);
            out.printf("%s: %,d digests and %,d of the log files they list fetched%n", location, fetched.digests(),
                    fetched.logFiles());
            // name objects by their S3 location, never by the temporary copy
            String local = spool.toString() + "/";
            report.lines().forEach(l -> out.println("  " + l.replace(local, "s3://" + bucket + "/")));
            return report.intact();
        } catch (PullException e) {
            throw new UserError(e.getMessage());
        } finally {
            try (Stream<Path> s = Files.walk(spool)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private PublicKeys keys() throws IOException {
        List<PublicKeys> sources = new ArrayList<>();
        if (!publicKeys.isEmpty()) {
            sources.add(PublicKeys.fromFiles(publicKeys.toArray(Path[]::new)));
        }
        if (awsPublicKeys) {
            clients = new AwsClients(aws.settings());
            sources.add(PublicKeys.fromCloudTrail(clients.cloudTrail()));
        }
        return sources.isEmpty() ? PublicKeys.none() : PublicKeys.anyOf(sources);
    }

    /** The {@code …/AWSLogs} folders the manifest's CloudTrail files came from, where digests were delivered too. */
    static Set<Path> digestFolders(List<SourceRead> manifest) {
        Set<Path> roots = new TreeSet<>();
        for (SourceRead r : manifest) {
            int at = r.origin().indexOf("/AWSLogs/");
            if (r.local() && at >= 0) {
                roots.add(Path.of(r.origin().substring(0, at + "/AWSLogs".length())));
            }
        }
        Set<Path> out = new LinkedHashSet<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.find(root, 4, (p, a) -> a.isDirectory() && p.getFileName().toString().equals("CloudTrail-Digest"))) {
                if (s.findAny().isPresent()) {
                    out.add(root);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // the evidence folder went away: verifyManifest names the missing files
            }
        }
        return out;
    }
}
