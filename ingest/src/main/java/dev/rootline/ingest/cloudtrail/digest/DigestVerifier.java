package dev.rootline.ingest.cloudtrail.digest;

import dev.rootline.ingest.cloudtrail.digest.DigestCheck.Status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one digest file: where it says it lives, its hash as the next digest records it, and its signature.
 * Anything wrong is MODIFIED; nothing wrong but nothing to verify with is UNSIGNED.
 */
final class DigestVerifier {
    private static final int MAX_SIDECAR = 64 * 1024;

    private final DigestChains chains;
    private final PublicKeys.Found keys;

    DigestVerifier(DigestChains chains, PublicKeys.Found keys) {
        this.chains = chains;
        this.keys = keys;
    }

    DigestCheck check(LoadedDigest d) {
        if (!d.readable()) {
            return new DigestCheck(d.key(), d.path(), Status.MODIFIED, d.problem());
        }
        DigestFile f = d.digest();
        List<String> wrong = new ArrayList<>();
        if (!EvidenceIndex.nameKey(f.digestS3Object()).equals(d.nameKey())) {
            wrong.add("its file name is not that of its digestS3Object: renamed or moved");
        }
        String signature;
        String source;
        String unsigned = null;
        LoadedDigest next = chains.next(d);
        if (next != null) {
            String nextName = DigestChains.fileName(next.key());
            if (!ContentHash.same(next.digest().previousDigestHashValue(), d.sha256())) {
                wrong.add("its SHA-256 is not the previousDigestHashValue in " + nextName);
            }
            signature = next.digest().previousDigestSignature();
            source = "previousDigestSignature in " + nextName;
            if (signature == null) {
                unsigned = nextName + " names it as previous but carries no previousDigestSignature";
            }
        } else {
            Path sidecar = d.path().resolveSibling(d.path().getFileName() + ".sig");
            source = sidecar.getFileName().toString();
            signature = null;
            if (!Files.isRegularFile(sidecar)) {
                unsigned = "signature not available: no later digest in the folder carries it, and no " + source;
            } else {
                try {
                    signature = readSidecar(sidecar);
                } catch (IOException e) {
                    unsigned = "signature not available: cannot read " + source + " (" + e.getMessage() + ")";
                }
            }
        }
        if (signature != null) {
            RSAPublicKey key = keys.byFingerprint().get(f.digestPublicKeyFingerprint());
            if (key == null) {
                unsigned = "no public key with fingerprint " + f.digestPublicKeyFingerprint() + " (" + keys.describe() + ")";
            } else {
                verify(f, d.sha256(), signature, source, key, wrong);
            }
        }
        if (!wrong.isEmpty()) {
            return new DigestCheck(f.digestS3Object(), d.path(), Status.MODIFIED, String.join("; ", wrong));
        }
        return new DigestCheck(f.digestS3Object(), d.path(), unsigned == null ? Status.VALID : Status.UNSIGNED, unsigned);
    }

    private static void verify(DigestFile f, String sha256, String signature, String source, RSAPublicKey key,
                               List<String> wrong) {
        try {
            if (!DigestSignature.verifies(DigestSignature.signingString(f, sha256), signature, key)) {
                wrong.add("its signature (" + source + ") does not verify: content, end time or location changed"
                        + " after CloudTrail signed it");
            }
        } catch (IllegalArgumentException e) {
            wrong.add("its signature (" + source + ") is not hex");
        }
    }

    private static String readSidecar(Path sidecar) throws IOException {
        try (InputStream in = Files.newInputStream(sidecar)) {
            byte[] bytes = in.readNBytes(MAX_SIDECAR + 1);
            if (bytes.length > MAX_SIDECAR) {
                throw new IOException("larger than a signature");
            }
            return new String(bytes, StandardCharsets.US_ASCII).strip();
        }
    }
}
