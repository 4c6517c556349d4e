package dev.rootline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes again every source of an evidence manifest that is still on this machine and says which are unchanged,
 * changed or missing: the evidence a report stands on is the evidence that was read.
 */
public final class EvidenceCheck {

    public enum Status {
        /** Same size and SHA-256 as when it was read. */
        UNCHANGED,
        /** Other bytes than were read. */
        CHANGED,
        /** Not at its path any more. */
        MISSING,
        /** Cannot be compared here: an S3 object, a member of an archive (its archive is checked), a file never hashed. */
        NOT_CHECKED
    }

    /** One source's outcome; {@code detail} says what changed or why it was not checked. */
    public record Outcome(SourceRead source, Status status, String detail) {
    }

    private EvidenceCheck() {
    }

    public static List<Outcome> check(List<SourceRead> manifest) {
        List<Outcome> out = new ArrayList<>(manifest.size());
        for (SourceRead r : manifest) {
            out.add(check(r));
        }
        return out;
    }

    /** The outcome for a source compared with {@code sha256}, its bytes' hash now (null: it is gone). */
    public static Outcome compared(SourceRead r, String sha256) {
        if (sha256 == null) {
            return new Outcome(r, Status.MISSING, "no longer in its bucket");
        }
        return sha256.equals(r.sha256()) ? new Outcome(r, Status.UNCHANGED, null)
                : new Outcome(r, Status.CHANGED, "other bytes: SHA-256 " + r.sha256() + " when read, " + sha256 + " now");
    }

    static Outcome check(SourceRead r) {
        if (r.origin().contains("://")) {
            return new Outcome(r, Status.NOT_CHECKED, "an object in " + r.origin().substring(0, r.origin().indexOf("://"))
                    + ": verify --s3 reads it again to compare");
        }
        int member = r.origin().indexOf("!/");
        if (member >= 0) {
            return new Outcome(r, Status.NOT_CHECKED, "inside " + r.origin().substring(0, member) + ", which is checked itself");
        }
        if (r.sha256() == null) {
            return new Outcome(r, Status.NOT_CHECKED, "it was not hashed when read" + (r.note() == null ? "" : " (" + r.note() + ")"));
        }
        Path p = Path.of(r.origin());
        try {
            long size = Files.size(p);
            if (size != r.size()) {
                return new Outcome(r, Status.CHANGED, "size " + r.size() + " bytes when read, " + size + " now");
            }
            String sha = EvidenceManifest.sha256(p);
            return sha.equals(r.sha256()) ? new Outcome(r, Status.UNCHANGED, null)
                    : new Outcome(r, Status.CHANGED, "same size, other bytes: SHA-256 " + r.sha256() + " when read, " + sha + " now");
        } catch (NoSuchFileException e) {
            return new Outcome(r, Status.MISSING, "not at its path any more");
        } catch (IOException e) {
            return new Outcome(r, Status.MISSING, "unreadable now: " + e.getMessage());
        }
    }
}
