package dev.rootline.ingest.cloudtrail.digest;

import dev.rootline.ingest.cloudtrail.digest.LogFileCheck.Status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hashes every log file the digests list, each file once, streaming. */
final class LogFileChecks {
    record Result(List<LogFileCheck> checks, Set<String> covered) {
    }

    private LogFileChecks() {
    }

    static Result run(List<LoadedDigest> digests, EvidenceIndex index) {
        List<LogFileCheck> checks = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Map<Path, ContentHash.Result> hashed = new HashMap<>();
        for (LoadedDigest d : digests) {
            String digest = d.digest().digestS3Object();
            for (DigestFile.LogFile log : d.digest().logFiles()) {
                covered.add(EvidenceIndex.nameKey(log.s3Object()));
                List<Path> copies = index.find(log.s3Object());
                if (copies.isEmpty()) {
                    checks.add(new LogFileCheck(log.s3Object(), null, digest, Status.MISSING,
                            "listed in " + DigestChains.fileName(digest) + ", not in the folder"));
                }
                for (Path p : copies) {
                    ContentHash.Result r = hashed.computeIfAbsent(p, ContentHash::of);
                    if (r.problem() != null) {
                        checks.add(new LogFileCheck(log.s3Object(), p, digest, Status.MODIFIED, r.problem()));
                    } else if (!ContentHash.same(log.hashValue(), r.hex())) {
                        checks.add(new LogFileCheck(log.s3Object(), p, digest, Status.MODIFIED,
                                "SHA-256 of its uncompressed content is not the hashValue in " + DigestChains.fileName(digest)));
                    } else {
                        checks.add(new LogFileCheck(log.s3Object(), p, digest, Status.VALID, null));
                    }
                }
            }
        }
        return new Result(checks, covered);
    }
}
