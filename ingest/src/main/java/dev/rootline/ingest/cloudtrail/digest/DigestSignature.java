package dev.rootline.ingest.cloudtrail.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;

/**
 * The RSA signature CloudTrail puts on each digest (S3 metadata {@code x-amz-meta-signature}, hex). It covers
 * the data signing string of the user guide's "Custom implementations of CloudTrail log file integrity
 * validation", as the AWS CLI builds it.
 */
final class DigestSignature {
    /** CloudTrail's only algorithm; the digest's own digestSignatureAlgorithm field is not signed, so not trusted. */
    static final String ALGORITHM = "SHA256withRSA";

    private DigestSignature() {
    }

    /**
     * {@code digestEndTime \n bucket/key \n sha256-hex \n previousDigestSignature}; a chain's first digest has
     * no previous signature and signs the string {@code null} (the CLI: "to match the Java implementation").
     */
    static String signingString(DigestFile d, String sha256Hex) {
        return d.digestEndTime() + "\n" + d.digestS3Bucket() + "/" + d.digestS3Object() + "\n" + sha256Hex + "\n"
                + (d.previousDigestSignature() == null ? "null" : d.previousDigestSignature());
    }

    /** Whether {@code signatureHex} signs the string; IllegalArgumentException when it is not hex. */
    static boolean verifies(String signingString, String signatureHex, RSAPublicKey key) {
        byte[] signature = HexFormat.of().parseHex(signatureHex.strip());
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(signingString.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length for the key is a failed verification, not an error
            return false;
        }
    }
}
