package dev.rootline.ingest.cloudtrail.digest;

import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where the public keys that check digest signatures come from. Digests name their key by
 * {@code digestPublicKeyFingerprint}; a source answers with the keys it has, by fingerprint. It never throws: a
 * source that cannot answer says why in {@link Found#unavailable()}, and the digests stay UNSIGNED.
 */
@FunctionalInterface
public interface PublicKeys {

    /** The keys that may have signed digests delivered between {@code from} and {@code to}. */
    Found between(Instant from, Instant to);

    /**
     * @param byFingerprint keys by hex fingerprint
     * @param unavailable   why the source could not answer, or null
     */
    record Found(Map<String, RSAPublicKey> byFingerprint, String unavailable) {
        public Found {
            byFingerprint = Map.copyOf(byFingerprint);
        }

        /** What was at hand, for a digest whose key is not: the source's failure, or the fingerprints it had. */
        String describe() {
            if (unavailable != null) {
                return unavailable;
            }
            return byFingerprint.isEmpty() ? "no public key was given"
                    : "keys at hand: " + String.join(", ", new TreeSet<>(byFingerprint.keySet()));
        }
    }

    /** No keys: hashes and the chain are still checked, every digest is UNSIGNED. */
    static PublicKeys none() {
        Found nothing = new Found(Map.of(), null);
        return (from, to) -> nothing;
    }

    /**
     * Key files (PEM or DER; X.509 or PKCS#1), each used for the digests whose fingerprint is its own. Read now,
     * so a wrong path or a file that is not an RSA public key fails here with the file named.
     */
    static PublicKeys fromFiles(Path... files) throws IOException {
        Map<String, RSAPublicKey> keys = new HashMap<>();
        for (Path f : files) {
            RSAPublicKey key = RsaKeys.read(f);
            keys.put(RsaKeys.fingerprint(key), key);
        }
        Found found = new Found(keys, null);
        return (from, to) -> found;
    }

    /**
     * {@code cloudtrail:ListPublicKeys} through {@code client}, for the digests' time range. Keys are per region:
     * the client's region must be the digests' region (see {@link #anyOf}).
     */
    static PublicKeys fromCloudTrail(CloudTrailClient client) {
        return new CloudTrailPublicKeys(client);
    }

    /** Every key any of {@code sources} has, e.g. one ListPublicKeys source per region in the evidence. */
    static PublicKeys anyOf(List<PublicKeys> sources) {
        List<PublicKeys> all = List.copyOf(sources);
        return (from, to) -> {
            Map<String, RSAPublicKey> keys = new HashMap<>();
            List<String> failures = new ArrayList<>();
            for (PublicKeys s : all) {
                Found f = s.between(from, to);
                keys.putAll(f.byFingerprint());
                if (f.unavailable() != null) {
                    failures.add(f.unavailable());
                }
            }
            return new Found(keys, failures.isEmpty() ? null : String.join("; ", failures));
        };
    }
}
