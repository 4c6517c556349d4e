package dev.rootline.ingest.cloudtrail.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.SharedCorpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;

import static dev.rootline.ingest.cloudtrail.digest.TrailFolder.OTHER;
import static dev.rootline.ingest.cloudtrail.digest.TrailFolder.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestValidationTest {
    @TempDir
    Path tmp;
    private Path evidence;
    private Path keyDir;
    private PublicKeys keys;

    @BeforeEach
    void keys() throws IOException {
        evidence = Files.createDirectories(tmp.resolve("evidence"));
        keyDir = Files.createDirectories(tmp.resolve("keys"));
        keys = TrailFolder.keyFile(keyDir, SIGNER);
    }

    private DigestReport validate() throws IOException {
        return DigestValidation.validate(evidence, keys);
    }

    private static DigestCheck digest(DigestReport r, String key) {
        return r.digests().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private static LogFileCheck log(DigestReport r, String key) {
        return r.logFiles().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<DigestCheck.Status> digestStatuses(DigestReport r) {
        return r.digests().stream().map(DigestCheck::status).toList();
    }

    @Test
    void anUntouchedTrailIsVerified() throws IOException {
        TrailFolder.write(evidence, 3, 2);
        DigestReport r = validate();
        assertThat(digestStatuses(r)).containsExactly(DigestCheck.Status.VALID, DigestCheck.Status.VALID, DigestCheck.Status.VALID);
        assertThat(r.logFiles()).hasSize(6).allSatisfy(c -> assertThat(c.status()).isEqualTo(LogFileCheck.Status.VALID));
        assertThat(r.chains()).isEqualTo(1);
        assertThat(r.chainBreaks()).isEmpty();
        assertThat(r.notCovered()).isEmpty();
        assertThat(r.intact()).isTrue();
        assertThat(r.verified()).isTrue();
        assertThat(r.lines()).containsExactly(
                "CloudTrail digests: 3 digests (3 valid, 0 modified, 0 missing, 0 unsigned), 1 chain, 0 chain breaks;"
                        + " 6 log files validated, 0 modified, 0 missing, 0 not covered",
                "Integrity: verified, every digest signed and every listed log file unchanged");
    }

    @Test
    void aLogFileChangedByOneByteIsModified() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        TrailFolder.edit(t.log(2), content -> {
            byte[] changed = Arrays.copyOf(content, content.length);
            changed[changed.length - 5] ^= 0x20;
            return changed;
        });
        DigestReport r = validate();
        LogFileCheck changed = log(r, t.logKeys.get(2));
        assertThat(changed.status()).isEqualTo(LogFileCheck.Status.MODIFIED);
        assertThat(changed.path()).isEqualTo(t.log(2));
        assertThat(changed.reason()).contains("hashValue");
        assertThat(r.count(LogFileCheck.Status.VALID)).isEqualTo(5);
        assertThat(r.count(DigestCheck.Status.VALID)).isEqualTo(3);
        assertThat(r.intact()).isFalse();
        assertThat(r.lines()).contains("MODIFIED log file " + t.log(2) + ": " + changed.reason());
    }

    @Test
    void aDeletedLogFileIsMissing() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        Files.delete(t.log(4));
        DigestReport r = validate();
        LogFileCheck gone = log(r, t.logKeys.get(4));
        assertThat(gone.status()).isEqualTo(LogFileCheck.Status.MISSING);
        assertThat(gone.path()).isNull();
        assertThat(gone.digest()).isEqualTo(t.digestKeys.get(2));
        assertThat(r.lines()).contains("MISSING log file " + t.logKeys.get(4) + ": listed in "
                + DigestChains.fileName(t.digestKeys.get(2)) + ", not in the folder");
        assertThat(r.count(LogFileCheck.Status.MISSING)).isEqualTo(1);
        assertThat(r.intact()).isFalse();
    }

    @Test
    void aDeletedMiddleDigestBreaksTheChainAndIsMissing() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        Files.delete(t.digest(1));
        DigestReport r = validate();
        assertThat(digest(r, t.digestKeys.get(1)).status()).isEqualTo(DigestCheck.Status.MISSING);
        assertThat(digest(r, t.digestKeys.get(1)).path()).isNull();
        // the deleted digest carried the older one's signature
        assertThat(digest(r, t.digestKeys.get(0)).status()).isEqualTo(DigestCheck.Status.UNSIGNED);
        assertThat(digest(r, t.digestKeys.get(0)).reason()).contains("signature not available");
        assertThat(digest(r, t.digestKeys.get(2)).status()).isEqualTo(DigestCheck.Status.VALID);
        assertThat(r.chainBreaks()).singleElement().asString()
                .contains(DigestChains.fileName(t.digestKeys.get(1))).contains("not in the folder");
        assertThat(r.chains()).isEqualTo(2);
        // its log files are still on disk, now listed by no digest
        assertThat(r.notCovered()).containsExactly(t.log(2), t.log(3));
        assertThat(r.intact()).isFalse();
    }

    @Test
    void anEditedDigestFailsItsSignatureAndItsNextDigestsHash() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        TrailFolder.editJson(t.digest(1), d -> ((ObjectNode) d.get("logFiles").get(0)).put("hashValue", "ab".repeat(32)));
        DigestReport r = validate();
        DigestCheck edited = digest(r, t.digestKeys.get(1));
        assertThat(edited.status()).isEqualTo(DigestCheck.Status.MODIFIED);
        assertThat(edited.reason()).contains("does not verify").contains("previousDigestHashValue");
        assertThat(digest(r, t.digestKeys.get(0)).status()).isEqualTo(DigestCheck.Status.VALID);
        assertThat(digest(r, t.digestKeys.get(2)).status()).isEqualTo(DigestCheck.Status.VALID);
        assertThat(log(r, t.logKeys.get(2)).status()).isEqualTo(LogFileCheck.Status.MODIFIED);
        assertThat(r.intact()).isFalse();
    }

    @Test
    void anEditedNewestDigestFailsTheSignatureInItsSidecar() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        TrailFolder.editJson(t.digest(2), d -> d.put("newestEventTime", "2024-10-25T19:30:00Z"));
        DigestCheck newest = digest(validate(), t.digestKeys.get(2));
        assertThat(newest.status()).isEqualTo(DigestCheck.Status.MODIFIED);
        assertThat(newest.reason()).contains(".json.gz.sig").contains("does not verify");
    }

    @Test
    void aKeyWithAnotherFingerprintLeavesDigestsUnsignedNotModified() throws IOException {
        TrailFolder.write(evidence, 3, 2);
        String signer = RsaKeys.fingerprint((RSAPublicKey) SIGNER.getPublic());
        String other = RsaKeys.fingerprint((RSAPublicKey) OTHER.getPublic());
        DigestReport r = DigestValidation.validate(evidence, TrailFolder.keyFile(keyDir, OTHER));
        assertThat(r.digests()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(DigestCheck.Status.UNSIGNED);
            assertThat(c.reason()).isEqualTo("no public key with fingerprint " + signer + " (keys at hand: " + other + ")");
        });
        assertThat(r.intact()).isTrue();
        assertThat(r.verified()).isFalse();
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsModified() throws IOException {
        // the digests claim the key rootline has, but someone else signed them
        TrailFolder.write(evidence, 3, 2, OTHER, (RSAPublicKey) SIGNER.getPublic());
        DigestReport r = validate();
        assertThat(r.digests()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(DigestCheck.Status.MODIFIED);
            assertThat(c.reason()).contains("does not verify");
        });
    }

    @Test
    void withoutKeysHashesAndTheChainAreStillChecked() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        Files.delete(t.log(0));
        DigestReport r = DigestValidation.validate(evidence, PublicKeys.none());
        assertThat(r.count(DigestCheck.Status.UNSIGNED)).isEqualTo(3);
        assertThat(digest(r, t.digestKeys.get(0)).reason()).endsWith("(no public key was given)");
        assertThat(log(r, t.logKeys.get(0)).status()).isEqualTo(LogFileCheck.Status.MISSING);
    }

    @Test
    void aTruncatedGzipLogFileIsModifiedWithTheReason() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        byte[] gz = Files.readAllBytes(t.log(1));
        Files.write(t.log(1), Arrays.copyOf(gz, gz.length / 2));
        LogFileCheck truncated = log(validate(), t.logKeys.get(1));
        assertThat(truncated.status()).isEqualTo(LogFileCheck.Status.MODIFIED);
        assertThat(truncated.reason()).startsWith("damaged or truncated gzip (");
    }

    @Test
    void theNewestDigestWithoutItsSidecarIsUnsignedNotModified() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        Files.delete(t.path(t.digestKeys.get(2) + ".sig"));
        DigestReport r = validate();
        DigestCheck newest = digest(r, t.digestKeys.get(2));
        assertThat(newest.status()).isEqualTo(DigestCheck.Status.UNSIGNED);
        assertThat(newest.reason()).contains("signature not available").contains(".json.gz.sig");
        assertThat(r.count(DigestCheck.Status.VALID)).isEqualTo(2);
        assertThat(r.intact()).isTrue();
        assertThat(r.verified()).isFalse();
        assertThat(r.lines().get(1)).isEqualTo("Integrity: nothing altered or missing, but 1 digest could not be verified"
                + " (UNSIGNED below)");
    }

    @Test
    void aDigestThatIsNotJsonIsModifiedWithItsPath() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 2);
        Files.write(t.digest(2), TrailFolder.gzip("{\"awsAccountId\": \"1111".getBytes(StandardCharsets.UTF_8)));
        DigestReport r = validate();
        DigestCheck broken = r.digests().stream().filter(c -> t.digest(2).equals(c.path())).findFirst().orElseThrow();
        assertThat(broken.status()).isEqualTo(DigestCheck.Status.MODIFIED);
        assertThat(broken.key()).isEqualTo(t.digest(2).getFileName().toString());
        assertThat(broken.reason()).startsWith("not valid JSON: ");
        // the chain stops at the unreadable digest, which held the previous one's signature
        assertThat(digest(r, t.digestKeys.get(1)).status()).isEqualTo(DigestCheck.Status.UNSIGNED);
        assertThat(r.notCovered()).containsExactly(t.log(4), t.log(5));
    }

    @Test
    void aDigestThatIsJsonButNotADigestIsModified() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 1, 1);
        Files.write(t.digest(0), TrailFolder.gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)));
        DigestCheck c = validate().digests().get(0);
        assertThat(c.status()).isEqualTo(DigestCheck.Status.MODIFIED);
        assertThat(c.reason()).isEqualTo("not a CloudTrail digest: no digestS3Bucket");
    }

    @Test
    void decompressedCopiesValidateLikeTheGzippedFiles() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 2, 2);
        for (String key : t.logKeys) {
            gunzipInPlace(t.path(key));
        }
        for (String key : t.digestKeys) {
            gunzipInPlace(t.path(key));
        }
        String newest = t.digestKeys.get(1);
        Files.move(t.path(newest + ".sig"), t.path(newest.replace(".gz", ".sig")));
        DigestReport r = validate();
        assertThat(r.verified()).isTrue();
        assertThat(r.logFiles()).hasSize(4).allSatisfy(c -> assertThat(c.path().toString()).endsWith(".json"));
    }

    @Test
    void aLogFileNoDigestListsIsNotCovered() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 2, 2);
        Path late = t.log(0).resolveSibling("111122223333_CloudTrail_us-east-1_20241025T1805Z_late.json.gz");
        Files.write(late, TrailFolder.gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)));
        DigestReport r = validate();
        assertThat(r.notCovered()).containsExactly(late);
        assertThat(r.verified()).isTrue();
        assertThat(r.lines()).contains("not covered by any digest: " + late);
    }

    @Test
    void theOldestDigestsPreviousIsBeforeTheEvidenceNotMissing() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 3, 1);
        Files.delete(t.digest(0));
        Files.delete(t.log(0));
        DigestReport r = validate();
        assertThat(r.chainBreaks()).isEmpty();
        assertThat(r.count(DigestCheck.Status.MISSING)).isZero();
        assertThat(r.verified()).isTrue();
        assertThat(r.notes()).singleElement().asString().startsWith("chain starts at "
                + DigestChains.fileName(t.digestKeys.get(1)));
    }

    @Test
    void aFolderWithoutDigestsIsNotChecked() throws IOException {
        TrailFolder t = TrailFolder.write(evidence, 1, 2);
        Files.delete(t.digest(0));
        DigestReport r = validate();
        assertThat(r.digests()).isEmpty();
        assertThat(r.notCovered()).containsExactly(t.log(0), t.log(1));
        assertThat(r.verified()).isFalse();
        assertThat(r.lines().get(1)).isEqualTo("Integrity: not checked, no digest files in the folder");
    }

    @Test
    void aFolderThatDoesNotExistThrows() {
        assertThatThrownBy(() -> DigestValidation.validate(tmp.resolve("absent"), keys))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent");
    }

    @Test
    void theCorpusDigestParsesAndItsLogFilesAreMissing() throws IOException {
        Path corpus = SharedCorpus.file("cloudtrail/elastic_test-cloudtrail-digest-json.log");
        String key = "AWSLogs/123456789123/CloudTrail-Digest/us-west-2/2020/09/11/"
                + "123456789123_CloudTrail-Digest_us-west-2_leh-ct-test_us-west-2_20200911T193649Z.json.gz";
        // as a pull would store it, decompressed, under its S3 name
        Path copy = Files.createDirectories(evidence.resolve("digests"))
                .resolve("123456789123_CloudTrail-Digest_us-west-2_leh-ct-test_us-west-2_20200911T193649Z.json");
        Files.copy(corpus, copy);
        DigestReport r = DigestValidation.validate(evidence, PublicKeys.none());
        assertThat(r.digests()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(key);
            assertThat(c.status()).isEqualTo(DigestCheck.Status.UNSIGNED);
            assertThat(c.reason()).startsWith("signature not available");
        });
        assertThat(r.logFiles()).extracting(LogFileCheck::status).containsOnly(LogFileCheck.Status.MISSING).hasSize(3);
        assertThat(r.logFiles()).extracting(LogFileCheck::key).contains("AWSLogs/123456789123/CloudTrail/us-west-2/"
                + "2020/09/11/123456789123_CloudTrail_us-west-2_20200911T1930Z_l2pGqVS53QcGdAkp.json.gz");
        assertThat(r.chainBreaks()).isEmpty();
        assertThat(r.notes()).singleElement().asString().startsWith("chain starts at ");
    }

    private static void gunzipInPlace(Path gz) throws IOException {
        Path plain = gz.resolveSibling(gz.getFileName().toString().replace(".gz", ""));
        Files.write(plain, TrailFolder.gunzip(gz));
        Files.delete(gz);
    }
}
