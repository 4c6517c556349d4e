package dev.rootline.cli;

import dev.rootline.ingest.cloudtrail.digest.TrailFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence manifest an ingest keeps, {@code rootline verify} against it, and a file the user may not read. */
class EvidenceIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void verifySaysTheEvidenceIsUnchangedThenNamesTheFileChangedAndTheOneMissing() throws IOException {
        Path evidence = SyntheticTrail.folder(dir, 3, 200);
        String index = dir.resolve("index").toString();
        assertThat(Cli.run("ingest", "--index", index, evidence.toString()).exit).isZero();
        assertThat(Path.of(index, "manifest.jsonl")).exists();

        Cli ok = Cli.run("verify", "--index", index);
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(ok.out).contains("3 sources in the manifest", "3 unchanged", "0 changed, 0 missing");

        Path changed = evidence.resolve("trail-1.json.gz");
        Files.writeString(changed, "appended", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(evidence.resolve("trail-2.json.gz"));
        Cli bad = Cli.run("verify", "--index", index);
        assertThat(bad.exit).as(bad.toString()).isEqualTo(ExitCodes.USER);
        assertThat(bad.out).contains("CHANGED  " + changed, "MISSING  " + evidence.resolve("trail-2.json.gz"),
                "1 unchanged", "1 changed, 1 missing");
    }

    @Test
    void verifyWithoutAManifestSaysHowToGetOne() throws IOException {
        Files.createDirectories(dir.resolve("index"));
        Cli none = Cli.run("verify", "--index", dir.resolve("index").toString());
        assertThat(none.exit).isEqualTo(ExitCodes.USER);
        assertThat(none.err).contains("no evidence manifest", "ingest the evidence again");
    }

    private static boolean root() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").start();
        String uid = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor(10, TimeUnit.SECONDS) && uid.equals("0");
    }

    @Test
    void aFileThePermissionsForbidIsRejectedByNameAndTheRestIngested() throws Exception {
        Path evidence = SyntheticTrail.folder(dir, 2, 100);
        Path secret = evidence.resolve("trail-1.json.gz");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        // as root, permissions bind only without the capabilities that override them: drop those for the child
        List<String> prefix = root() ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search") : List.of();
        Assumptions.assumeTrue(prefix.isEmpty() || Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "SKIPPED: running as root without setpriv, so no file can be made unreadable");
        Path log = dir.resolve("child.log");
        String index = dir.resolve("index").toString();
        Process p = ChildJvm.start(log, prefix, List.of(), "ingest", "--index", index, evidence.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("Exception", "internal error");
        assertThat(Files.readString(Path.of(index, "rejects.jsonl"))).contains(secret.toString(), "permission denied");
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(100);
    }

    @Test
    void verifyValidatesTheCloudTrailDigestsBesideTheEvidenceAndNamesAModifiedLogFile() throws IOException {
        Path evidence = dir.resolve("evidence");
        TrailFolder trail = TrailFolder.write(evidence, 3, 2);
        Path key = Files.writeString(dir.resolve("us-east-1.pem"),
                TrailFolder.pem((java.security.interfaces.RSAPublicKey) TrailFolder.SIGNER.getPublic()));
        String index = dir.resolve("index").toString();
        Cli ingest = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(ingest.exit).as(ingest.toString()).isZero();

        Cli ok = Cli.run("verify", "--index", index, "--public-key", key.toString());
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(ok.out).contains(evidence.resolve("AWSLogs") + ":", "Integrity: verified", "6 log files validated");

        Cli unsigned = Cli.run("verify", "--index", index);
        assertThat(unsigned.out).contains("could not be verified", "--public-key FILE or --aws-public-keys");

        TrailFolder.edit(trail.log(1), b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)
                .replace("DescribeInstances", "TerminateInstances").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Cli bad = Cli.run("verify", "--index", index, "--public-key", key.toString());
        assertThat(bad.exit).as(bad.toString()).isEqualTo(ExitCodes.USER);
        assertThat(bad.out).contains("CHANGED  " + trail.log(1), "Integrity: BROKEN", "MODIFIED log file");
    }
}
